namespace Nats.Edge.Server.Outbox;

/// <summary>What the outbox does when a limit is reached, as JetStream's <c>discard</c> policy.</summary>
public enum OutboxDiscard
{
    /// <summary>Keep accepting; the oldest records are dropped, whether the hub has them or not.</summary>
    Old,

    /// <summary>Keep what is stored; new records are refused until the hub acknowledges old ones.</summary>
    New,
}
