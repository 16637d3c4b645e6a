namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Delivers messages an import carries into <see cref="Target"/>. Publishers of any connection come
/// through here, so the match memo is shared under a lock rather than owned by one receive loop.
/// </summary>
internal sealed class CrossAccountDelivery(Account target)
{
    private readonly MatchCache _matches = new(target.Subscriptions);
    private readonly Lock _sync = new();

    public Account Target => target;

    public bool Deliver(in InboundMessage message, DeliveryBatch batch)
    {
        SubjectMatch match;
        lock (_sync)
        {
            match = _matches.Match(message.Subject);
        }

        return !match.IsEmpty && MessageDelivery.DeliverImported(match, message, batch);
    }
}
