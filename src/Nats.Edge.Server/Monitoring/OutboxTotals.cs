namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/varz</c>'s <c>outbox</c>: every remote's outbox summed; absent without one (nats-edge's own field).</summary>
internal sealed class OutboxTotals
{
    public int Outboxes { get; init; }

    public long PendingMsgs { get; init; }

    public long PendingBytes { get; init; }

    public long Forwarded { get; init; }

    public long DiscardedOld { get; init; }

    public long Refused { get; init; }

    public long WriteErrors { get; init; }

    public static OutboxTotals? From(NatsServer server)
    {
        var count = 0;
        long pendingMessages = 0, pendingBytes = 0, forwarded = 0, discarded = 0, refused = 0, errors = 0;
        foreach (var outbox in server.Outboxes)
        {
            if (outbox is null)
            {
                continue;
            }

            var stats = outbox.Log.Stats;
            count++;
            pendingMessages += stats.PendingMessages;
            pendingBytes += stats.PendingBytes;
            forwarded += outbox.Forwarder.Forwarded;
            discarded += stats.DiscardedOld;
            refused += stats.RefusedNew + stats.RefusedBusy + stats.RefusedFailing;
            errors += stats.WriteErrors;
        }

        return count == 0 ? null : new OutboxTotals
        {
            Outboxes = count,
            PendingMsgs = pendingMessages,
            PendingBytes = pendingBytes,
            Forwarded = forwarded,
            DiscardedOld = discarded,
            Refused = refused,
            WriteErrors = errors,
        };
    }
}
