namespace Nats.Edge.Server.Protocol;

/// <summary>
/// A published message as slices of the publisher's read buffer: nothing is copied until it is
/// written into a subscriber's outbound buffer. <see cref="SizeTokens"/> is the size part of the
/// control line exactly as sent (<c>005</c>, or <c>12 14</c> for HPUB), echoed verbatim in MSG/HMSG.
/// </summary>
internal readonly ref struct InboundMessage(
    ReadOnlySpan<byte> subject, ReadOnlySpan<byte> reply, ReadOnlySpan<byte> sizeTokens, int headerSize, ReadOnlySequence<byte> data)
{
    public ReadOnlySpan<byte> Subject { get; } = subject;

    public ReadOnlySpan<byte> Reply { get; } = reply;

    public ReadOnlySpan<byte> SizeTokens { get; } = sizeTokens;

    /// <summary>Bytes of NATS/1.0 header block at the start of <see cref="Data"/>; -1 for a plain PUB.</summary>
    public int HeaderSize { get; } = headerSize;

    /// <summary>Header block (when present) followed by the payload.</summary>
    public ReadOnlySequence<byte> Data { get; } = data;

    public bool HasHeaders => HeaderSize >= 0;
}
