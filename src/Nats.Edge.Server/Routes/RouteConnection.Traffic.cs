namespace Nats.Edge.Server.Routes;

/// <summary>What the peer sends once the route is up: RS+/RS- and RMSG/HMSG, each for one account.</summary>
internal sealed partial class RouteConnection
{
    /// <summary><c>RS+ account subject [queue weight]</c>.</summary>
    public void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight)
    {
        if (IsReady && Link(account) is { } link && Subjects.SubjectRules.IsValidSubscription(subject))
        {
            link.Learn(subject, queue);
        }
    }

    /// <summary><c>RS- account subject [queue]</c>.</summary>
    public void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        Link(account)?.Forget(subject, queue);

    /// <summary>
    /// RMSG/HMSG: for this server's own subscribers and the leafs that dialled it, and of queue groups
    /// only those the peer chose this server for; never on to another route or up a leafnode uplink.
    /// </summary>
    public void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm)
    {
        CountInbound(message.Data.Length);
        if (!IsReady || Link(account) is not { } link)
        {
            return;
        }

        // An answer to a request from another cluster, on its way to the requester's server.
        if (Server.Gateways is { } gateways && message.Subject.StartsWith(Gateways.GatewayHash.ReplyPrefix))
        {
            gateways.Deliver(link.Account, link.Matches, message, Batch, default);
            return;
        }

        MessageDelivery.Deliver(link.Matches.Match(message.Subject), message, publisher: link, Batch, QueueFilter.Only(queueForm ? queues : default));
    }

    // The account's link, found without a string; null when this server has no such account, and
    // then the op is ignored (nats-server sends its $SYS interest to every peer). The links are all
    // made before the route is ready and dropped only after its loops ended, so the receive loop
    // reads them without the lock.
    private RouteAccountLink? Link(ReadOnlySpan<byte> account) =>
        _links.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(account, out var link) ? link : null;
}
