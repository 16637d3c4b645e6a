using System.Buffers.Binary;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// Decodes one S2 block: a uvarint of the decoded length, then literal and copy elements as in Snappy,
/// plus S2's repeat copies (a 1-byte-offset copy whose offset is 0 reuses the last offset, with a longer
/// length encoding) and 4-byte offsets reaching across S2's larger blocks. Snappy blocks are S2 blocks
/// that happen not to use these. Anything malformed is an <see cref="InvalidDataException"/>: the bytes
/// come from the network.
/// </summary>
internal static class S2BlockDecoder
{
    private const int TagLiteral = 0;
    private const int TagCopy1 = 1;
    private const int TagCopy2 = 2;

    /// <summary>The decoded length the block states, and how many bytes that statement took.</summary>
    public static int DecodedLength(ReadOnlySpan<byte> block, out int headerLength)
    {
        uint value = 0;
        for (var i = 0; i < 5 && i < block.Length; i++)
        {
            var b = block[i];
            value |= (uint)(b & 0x7f) << (7 * i);
            if (b < 0x80)
            {
                // A fifth byte may only hold the top 4 bits of a 32-bit value.
                if (i == 4 && b > 0x0f)
                {
                    break;
                }

                if (value > int.MaxValue)
                {
                    break;
                }

                headerLength = i + 1;
                return (int)value;
            }
        }

        throw new InvalidDataException("S2 block: bad decoded length");
    }

    /// <summary>
    /// Decodes the elements of a block (what follows its length) into <paramref name="destination"/>,
    /// which must be exactly the stated decoded length.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var s = 0;
        var d = 0;
        var offset = 0;
        while (s < source.Length)
        {
            var tag = source[s];
            int length;
            switch (tag & 3)
            {
                case TagLiteral:
                {
                    var code = tag >> 2;
                    uint literal;
                    if (code < 60)
                    {
                        literal = (uint)code;
                        s++;
                    }
                    else
                    {
                        // Codes 60..63 put the length minus one in the next 1..4 bytes.
                        var extra = code - 59;
                        if (source.Length - s - 1 < extra)
                        {
                            throw Corrupt("literal length runs past the block");
                        }

                        literal = extra switch
                        {
                            1 => source[s + 1],
                            2 => BinaryPrimitives.ReadUInt16LittleEndian(source[(s + 1)..]),
                            3 => (uint)(source[s + 1] | (source[s + 2] << 8) | (source[s + 3] << 16)),
                            _ => BinaryPrimitives.ReadUInt32LittleEndian(source[(s + 1)..]),
                        };
                        s += 1 + extra;
                    }

                    if (literal >= (uint)(destination.Length - d) || literal >= (uint)(source.Length - s))
                    {
                        throw Corrupt("literal runs past the block or its stated length");
                    }

                    length = (int)literal + 1;
                    source.Slice(s, length).CopyTo(destination[d..]);
                    s += length;
                    d += length;
                    continue;
                }

                case TagCopy1:
                {
                    if (source.Length - s < 2)
                    {
                        throw Corrupt("copy runs past the block");
                    }

                    var code = (tag >> 2) & 7;
                    var near = ((tag & 0xe0) << 3) | source[s + 1];
                    s += 2;
                    if (near != 0)
                    {
                        offset = near;
                        length = code + 4;
                        break;
                    }

                    // S2's repeat: the last offset again, its length in up to 3 further bytes.
                    switch (code)
                    {
                        case 5:
                            if (source.Length - s < 1)
                            {
                                throw Corrupt("repeat runs past the block");
                            }

                            length = source[s] + 8;
                            s += 1;
                            break;
                        case 6:
                            if (source.Length - s < 2)
                            {
                                throw Corrupt("repeat runs past the block");
                            }

                            length = BinaryPrimitives.ReadUInt16LittleEndian(source[s..]) + 260;
                            s += 2;
                            break;
                        case 7:
                            if (source.Length - s < 3)
                            {
                                throw Corrupt("repeat runs past the block");
                            }

                            length = (source[s] | (source[s + 1] << 8) | (source[s + 2] << 16)) + 65540;
                            s += 3;
                            break;
                        default:
                            length = code + 4;
                            break;
                    }

                    break;
                }

                case TagCopy2:
                    if (source.Length - s < 3)
                    {
                        throw Corrupt("copy runs past the block");
                    }

                    offset = BinaryPrimitives.ReadUInt16LittleEndian(source[(s + 1)..]);
                    length = (tag >> 2) + 1;
                    s += 3;
                    break;

                default:
                {
                    if (source.Length - s < 5)
                    {
                        throw Corrupt("copy runs past the block");
                    }

                    var far = BinaryPrimitives.ReadUInt32LittleEndian(source[(s + 1)..]);
                    offset = far > int.MaxValue ? int.MaxValue : (int)far;
                    length = (tag >> 2) + 1;
                    s += 5;
                    break;
                }
            }

            // Offset 0 stays 0 until a copy sets one, so a block cannot open with a repeat.
            if (offset <= 0 || offset > d || length > destination.Length - d)
            {
                throw Corrupt("copy reaches outside the decoded bytes");
            }

            Copy(destination, d, offset, length);
            d += length;
        }

        if (d != destination.Length)
        {
            throw Corrupt("block decodes to fewer bytes than it states");
        }
    }

    private static void Copy(Span<byte> buffer, int at, int offset, int length)
    {
        var from = at - offset;
        if (offset >= length)
        {
            buffer.Slice(from, length).CopyTo(buffer[at..]);
            return;
        }

        // An overlapping copy repeats the last `offset` bytes. Everything from `from` on is periodic
        // with that period, so each pass can copy all it has written so far: the span doubles.
        var end = at + length;
        while (at < end)
        {
            var n = Math.Min(at - from, end - at);
            buffer.Slice(from, n).CopyTo(buffer[at..]);
            at += n;
        }
    }

    private static InvalidDataException Corrupt(string what) => new("S2 block: " + what);
}
