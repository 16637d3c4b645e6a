namespace Nats.Edge.Server.Outbox;

/// <summary>One stored message as <see cref="OutboxReader.TryRead"/> hands it out; its spans live until the next read.</summary>
internal readonly ref struct OutboxRecord
{
    public OutboxRecord(long sequence, long timestampUnixNanos, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> headers, ReadOnlySpan<byte> payload)
    {
        Sequence = sequence;
        TimestampUnixNanos = timestampUnixNanos;
        Subject = subject;
        Headers = headers;
        Payload = payload;
    }

    public long Sequence { get; }

    /// <summary>When <see cref="OutboxLog.Append"/> took it, in nanoseconds since the Unix epoch.</summary>
    public long TimestampUnixNanos { get; }

    public ReadOnlySpan<byte> Subject { get; }

    /// <summary>The <c>NATS/1.0</c> header block as published, or empty.</summary>
    public ReadOnlySpan<byte> Headers { get; }

    public ReadOnlySpan<byte> Payload { get; }
}
