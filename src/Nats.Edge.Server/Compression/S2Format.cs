using Nats.Edge.Server.Hashing;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// The constants of the S2 stream format: Snappy's framing format (chunks of a type byte and a 24-bit
/// little-endian length) with its own stream identifier and blocks of up to 4 MiB.
/// </summary>
internal static class S2Format
{
    public const byte CompressedChunk = 0x00;
    public const byte UncompressedChunk = 0x01;
    public const byte PaddingChunk = 0xfe;
    public const byte StreamIdentifierChunk = 0xff;

    // Types up to here are reserved and must not be skipped; the rest up to padding may be.
    public const byte LastUnskippableChunk = 0x7f;

    public const int ChunkHeaderSize = 4;
    public const int ChecksumSize = 4;

    /// <summary>The largest block an S2 stream may carry, what the reference reader accepts by default.</summary>
    public const int MaxS2BlockSize = 4 << 20;

    /// <summary>The largest block of a Snappy ("sNaPpY") stream.</summary>
    public const int MaxSnappyBlockSize = 1 << 16;

    /// <summary>The largest chunk body the 24-bit length can state.</summary>
    public const int MaxChunkLength = (1 << 24) - 1;

    /// <summary>
    /// The largest data-chunk body a decoder needs to hold: a 4 MiB block stored as one literal costs
    /// its checksum, its length's varint (4 bytes) and a literal tag (4 bytes) on top; a little slack
    /// covers encoders less tidy about it.
    /// </summary>
    public const int MaxDataChunkLength = MaxS2BlockSize + 64;

    /// <summary>The stream identifier chunk of an S2 stream, as written at its start.</summary>
    public static ReadOnlySpan<byte> S2StreamIdentifier => [StreamIdentifierChunk, 6, 0, 0, (byte)'S', (byte)'2', (byte)'s', (byte)'T', (byte)'w', (byte)'O'];

    public static ReadOnlySpan<byte> S2Magic => "S2sTwO"u8;

    public static ReadOnlySpan<byte> SnappyMagic => "sNaPpY"u8;

    /// <summary>
    /// The checksum a data chunk carries: CRC-32C of the uncompressed bytes, rotated and offset so a
    /// checksum over data that holds checksums itself does not degenerate (the framing format's rule).
    /// </summary>
    public static uint MaskedChecksum(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C.Compute(data);
        return ((crc >> 15) | (crc << 17)) + 0xa282ead8;
    }
}
