using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One remote's outbox in <c>/outboxz</c> (and beside its uplink in <c>/leafz</c>): nats-edge's own.</summary>
internal sealed class OutboxInfo
{
    /// <summary>The remote's hub URLs, <c>host:port</c> only.</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    public required string Account { get; init; }

    public required IReadOnlyList<string> Subjects { get; init; }

    public required string Dir { get; init; }

    /// <summary>The board's identity in the records' <c>Nats-Msg-Id</c>, kept in <see cref="Dir"/>.</summary>
    public required string BoardId { get; init; }

    public bool Connected { get; init; }

    public long FirstSeq { get; init; }

    public long LastSeq { get; init; }

    public long StoredSeq { get; init; }

    public long AckedSeq { get; init; }

    public long PendingMsgs { get; init; }

    public long PendingBytes { get; init; }

    /// <summary>Age of the oldest record the hub does not have yet, as Go prints a duration; "0s" when none.</summary>
    public required string OldestPendingAge { get; init; }

    public long Forwarded { get; init; }

    /// <summary>Records the hub acknowledged per second, over the last second or so.</summary>
    public double ForwardRate { get; init; }

    public long Resent { get; init; }

    public long DiscardedOld { get; init; }

    public long RefusedNew { get; init; }

    public long RefusedBusy { get; init; }

    public long RefusedFailing { get; init; }

    public long WriteErrors { get; init; }

    public long BytesWritten { get; init; }

    public string? LastError { get; init; }

    public static OutboxInfo From(RemoteOutbox outbox)
    {
        var remote = outbox.Remote;
        var stats = outbox.Log.Stats;
        var forwarder = outbox.Forwarder;
        var oldest = stats.OldestPendingUnixNanos == 0
            ? TimeSpan.Zero
            : DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(stats.OldestPendingUnixNanos / 1_000_000);
        return new OutboxInfo
        {
            Urls = RemoteLeafSummary.From(remote).Urls,
            Account = remote.Account ?? Accounts.Account.GlobalName,
            Subjects = outbox.Options.Subjects,
            Dir = outbox.Options.Log.Directory,
            BoardId = outbox.Log.BoardId,
            Connected = forwarder.IsLinked,
            FirstSeq = stats.FirstSequence,
            LastSeq = stats.LastSequence,
            StoredSeq = stats.StoredThrough,
            AckedSeq = stats.AckedThrough,
            PendingMsgs = stats.PendingMessages,
            PendingBytes = stats.PendingBytes,
            OldestPendingAge = Configuration.GoDuration.Format(oldest < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Round(oldest.TotalSeconds, 3))),
            Forwarded = forwarder.Forwarded,
            ForwardRate = Math.Round(forwarder.ForwardRate, 1),
            Resent = forwarder.Resent,
            DiscardedOld = stats.DiscardedOld,
            RefusedNew = stats.RefusedNew,
            RefusedBusy = stats.RefusedBusy,
            RefusedFailing = stats.RefusedFailing,
            WriteErrors = stats.WriteErrors,
            BytesWritten = stats.BytesWritten,
            LastError = forwarder.LastError ?? stats.LastError,
        };
    }
}
