using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// One account on one route: it announces the account's interest to the peer (RS+/RS-), owns the
/// subscriptions the peer announced, and writes the account's messages to the peer (RMSG/HMSG).
/// Being the owner of those subscriptions is what lets a delivery know which account to name.
/// </summary>
internal sealed class RouteAccountLink(RouteConnection route, Account account) : ISubscriber, IRemoteLink, IInterestLink
{
    private readonly LearnedInterest _learned = new();
    private readonly InterestAnnouncer _announcer = new(route, "RS", account.Name, static () => null);

    public Account Account => account;

    /// <summary>The account's name as RS+/RS-/RMSG carry it.</summary>
    public byte[] Name => account.NameBytes;

    /// <summary>Matches for messages that arrive over the route; used by its receive loop only.</summary>
    public MatchCache Matches { get; } = new(account.Subscriptions);

    public LinkRole Role => LinkRole.Route;

    public bool IsClosing => route.IsClosing;

    /// <summary>Starts announcing: every current interest at once, then each change.</summary>
    public void Attach() => account.Interest.Attach(this);

    /// <summary>The route is gone: stop announcing, and drop everything learned over it.</summary>
    public void Detach()
    {
        account.Interest.Detach(this);
        _learned.Clear(account);
    }

    /// <summary>RS+/RS- as the account's interest comes and goes.</summary>
    public void InterestChanged(string subject, string? queue, int before, int after) => _announcer.InterestChanged(subject, queue, before, after);

    /// <summary><c>RS+</c>: the peer has interest; a repeated one (a queue group's new weight) changes nothing here.</summary>
    public void Learn(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) => _learned.Learn(this, account, subject, queue);

    /// <summary><c>RS-</c>: that interest is gone; unknown ones are ignored.</summary>
    public void Forget(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) => _learned.Forget(account, subject, queue);

    public Subscription[] Learned() => _learned.ToArray();

    public void RemoveSubscription(Subscription subscription) => _learned.Remove(account, subscription);

    /// <summary>Notes the message for the peer, once for its plain interest and each queue group chosen.</summary>
    public bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!route.IsReady || !LinkRoles.MayForward(batch.Source?.Role ?? LinkRole.Local, LinkRole.Route))
        {
            return false;
        }

        batch.AddRemote(this, subscription.Queue);
        return true;
    }

    public void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch) =>
        MessageWriter.ToLink(route, Name, message, queues, route.PeerHeaders, batch);
}
