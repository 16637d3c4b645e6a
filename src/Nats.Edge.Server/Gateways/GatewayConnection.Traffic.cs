namespace Nats.Edge.Server.Gateways;

/// <summary>
/// What crosses once a gateway is up: interest (RS+/RS-, A+/A-) on an outbound, from the far
/// cluster's inbound side; messages (RMSG/HMSG) on an inbound, from the far cluster's outbound side.
/// </summary>
internal sealed partial class GatewayConnection
{
    /// <summary><c>RS+</c>/<c>RS-</c>: the far cluster's interest in one account; an inbound never takes it.</summary>
    public void OnInterest(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, bool interested)
    {
        if (!IsReady)
        {
            return;
        }

        if (!IsOutbound)
        {
            // nats-server closes here without an -ERR.
            Server.Log.Error($"{this} - Gateway Error: Received RS{(interested ? '+' : '-')} from gateway on inbound connection");
            Close(CloseReason.ProtocolViolation);
            return;
        }

        if (Link(account) is { } link && SubjectRules.IsValidSubscription(subject))
        {
            link.OnInterest(subject, queue, interested);
        }
    }

    /// <summary><c>A+</c>/<c>A-</c>: the far cluster has interest in an account, or none at all.</summary>
    public void OnAccountInterest(ReadOnlySpan<byte> account, bool interested)
    {
        if (IsReady && IsOutbound && Link(account) is { } link)
        {
            link.OnAccountInterest(interested);
        }
    }

    /// <summary>
    /// RMSG/HMSG from the far cluster's outbound: for this server's subscribers, its routes and its
    /// leafs, never another gateway. A reply subject mapped by the far server is delivered bare and
    /// remembered, so the answer goes straight back; a message on such a mapped subject is an answer
    /// finding its way home.
    /// </summary>
    public void OnGatewayMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm)
    {
        CountInbound(message.Data.Length);
        if (!IsReady || IsOutbound)
        {
            return;
        }

        if (Inbound(account) is not { } target)
        {
            NoAccount(account);
            return;
        }

        Gateways.Deliver(target.Account, target.Matches, message, Batch, QueueFilter.Only(queueForm ? queues : default));
    }

    // An account this cluster does not have: the far side hears "A-" once and stops sending it.
    private void NoAccount(ReadOnlySpan<byte> account)
    {
        var name = Encoding.UTF8.GetString(account);
        if (_unknownAccounts.Add(name))
        {
            Outbound.Append(Encoding.UTF8.GetBytes($"A- {name}\r\n"));
            SignalSend();
        }
    }

    // The inbound's account, found without a string; null for an account this server does not have.
    private GatewayInterest? Inbound(ReadOnlySpan<byte> account) =>
        _inbound.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(account, out var interest) ? interest : null;

    // The account's link, found without a string; null for an account this server does not have.
    private GatewayAccountLink? Link(ReadOnlySpan<byte> account) =>
        _links.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(account, out var link) ? link : null;
}
