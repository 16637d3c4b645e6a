using System.Buffers;
using System.Text;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Outbox;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Outbox;

/// <summary>A temporary outbox directory, the log lines written about it, and the shortcuts the outbox tests share.</summary>
public sealed class OutboxFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-outbox-");

    public string Path => _directory.FullName;

    public LogLines Lines { get; } = new();

    internal ServerLog Log => new(Lines, LogLevel.Debug);

    internal OutboxLogOptions Options(
        long maxBytes = -1, long maxMessages = -1, OutboxDiscard discard = OutboxDiscard.Old, long segmentBytes = 0, TimeSpan? sync = null, TimeSpan? maxAge = null) =>
        new()
        {
            Directory = Path,
            MaxBytes = maxBytes,
            MaxMessages = maxMessages,
            Discard = discard,
            SegmentBytes = segmentBytes,
            SyncInterval = sync ?? TimeSpan.FromSeconds(1),
            MaxAge = maxAge ?? TimeSpan.Zero,
        };

    internal OutboxLog Open(OutboxLogOptions? options = null, IOutboxFiles? files = null, TimeProvider? time = null) =>
        OutboxLog.Open(options ?? Options(), Log, files, time);

    public string[] Segments()
    {
        var names = Directory.GetFiles(Path, "*.seg");
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    internal static long Append(OutboxLog outbox, string subject, string payload)
    {
        var sequence = outbox.Append(Encoding.UTF8.GetBytes(subject), default, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), out var refusal);
        Assert.True(sequence > 0, $"refused: {refusal}");
        return sequence;
    }

    internal static OutboxRefusal TryAppend(OutboxLog outbox, string subject, string payload)
    {
        outbox.Append(Encoding.UTF8.GetBytes(subject), default, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(payload)), out var refusal);
        return refusal;
    }

    internal static Task StoredAsync(OutboxLog outbox, long sequence) =>
        Poll.UntilAsync(() => outbox.StoredThrough >= sequence, () => $"stored through {outbox.StoredThrough}, waiting for {sequence}");

    /// <summary>Every stored record from <paramref name="from"/>, as (sequence, subject, payload).</summary>
    internal static List<(long Sequence, string Subject, string Payload)> ReadAll(OutboxLog outbox, long from = 1)
    {
        var records = new List<(long, string, string)>();
        using var reader = outbox.OpenReader(from);
        while (reader.TryRead(out var record))
        {
            records.Add((record.Sequence, Encoding.UTF8.GetString(record.Subject), Encoding.UTF8.GetString(record.Payload)));
        }

        return records;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
