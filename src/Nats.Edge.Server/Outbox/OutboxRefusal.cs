namespace Nats.Edge.Server.Outbox;

/// <summary>Why <see cref="OutboxLog.Append"/> did not take a record.</summary>
internal enum OutboxRefusal
{
    /// <summary>The record was taken.</summary>
    None,

    /// <summary>A limit is reached and the discard policy is <see cref="OutboxDiscard.New"/>.</summary>
    LimitReached,

    /// <summary>The records waiting for the disk fill their memory bound: the disk is slower than the traffic, or stalled.</summary>
    Busy,

    /// <summary>The last write to disk failed (disk full, I/O error); taken again once a retry succeeds.</summary>
    Failing,

    /// <summary>One record larger than the memory bound for records waiting for the disk.</summary>
    TooLarge,

    /// <summary>The log is disposed.</summary>
    Closed,
}
