namespace Nats.Edge.Load.Outbox;

/// <summary>The fields of a board's first outbox in <c>/outboxz</c> that the outbox benchmarks read.</summary>
/// <param name="Connected">Whether the forwarder has an uplink to send on.</param>
/// <param name="LastSeq">The newest record taken.</param>
/// <param name="StoredSeq">Every record up to here is in a segment file.</param>
/// <param name="RefusedBusy">Records refused because those waiting for the disk filled their memory bound.</param>
/// <param name="Refused">Records refused for any reason (limit, busy disk, failing disk).</param>
internal sealed record OutboxState(bool Connected, long LastSeq, long StoredSeq, long AckedSeq, long BytesWritten, long DiscardedOld, long RefusedBusy, long Refused);
