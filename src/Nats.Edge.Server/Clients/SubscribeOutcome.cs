namespace Nats.Edge.Server.Clients;

/// <summary>What became of a SUB in <see cref="ClientSubscriptions.TryAdd"/>.</summary>
internal enum SubscribeOutcome
{
    Added,

    /// <summary>The sid names a subscription already; the first one stays.</summary>
    SidInUse,

    /// <summary><c>max_subscriptions</c> is reached: the client gets an -ERR.</summary>
    LimitReached,
}
