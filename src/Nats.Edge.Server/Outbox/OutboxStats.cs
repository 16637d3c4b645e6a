namespace Nats.Edge.Server.Outbox;

/// <summary>A snapshot of the outbox for monitoring; sequences are 0 when there is none.</summary>
/// <param name="FirstSequence">The oldest record kept on disk.</param>
/// <param name="LastSequence">The newest record taken by Append, stored or still waiting for the disk.</param>
/// <param name="StoredThrough">Every record up to here is in a segment file.</param>
/// <param name="AckedThrough">The hub has every record up to here.</param>
/// <param name="PendingMessages">Records taken and not acknowledged, on disk or waiting for it.</param>
/// <param name="PendingBytes">Their size as records.</param>
/// <param name="OldestPendingUnixNanos">When the oldest unacknowledged stored record was taken; 0 when none.</param>
/// <param name="Appended">Records taken since the log was opened.</param>
/// <param name="DiscardedOld">Unacknowledged records dropped by the limits or the age.</param>
/// <param name="RefusedNew">Records refused because a limit is reached with discard new.</param>
/// <param name="RefusedBusy">Records refused because those waiting for the disk filled their memory bound.</param>
/// <param name="RefusedFailing">Records refused while writes were failing.</param>
/// <param name="RefusedTooLarge">Records refused because one alone is larger than the memory bound for records waiting for the disk.</param>
/// <param name="WriteErrors">Failed writes, syncs, file creations and deletions.</param>
/// <param name="LastError">The last failure's message, or null.</param>
/// <param name="LastErrorTime">When it happened.</param>
/// <param name="BytesWritten">Bytes written to segment files since the log was opened.</param>
/// <param name="Syncs">fsync calls on segment files since the log was opened.</param>
internal readonly record struct OutboxStats(
    long FirstSequence,
    long LastSequence,
    long StoredThrough,
    long AckedThrough,
    long PendingMessages,
    long PendingBytes,
    long OldestPendingUnixNanos,
    long Appended,
    long DiscardedOld,
    long RefusedNew,
    long RefusedBusy,
    long RefusedFailing,
    long RefusedTooLarge,
    long WriteErrors,
    string? LastError,
    DateTimeOffset LastErrorTime,
    long BytesWritten,
    long Syncs);
