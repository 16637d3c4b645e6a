using System.Buffers.Binary;
using System.Numerics;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// Encodes one block in the Snappy subset of S2 (literals and copies with 1- and 2-byte offsets, no
/// repeats), which every S2 and Snappy decoder reads. Matches are found greedily through a hash table
/// of 4-byte sequences, as Snappy does: cheap on a Pi's core, and enough for the repetitive text a NATS
/// link carries.
/// </summary>
internal static class S2BlockEncoder
{
    /// <summary>The largest block: positions must fit the <see cref="ushort"/> hash table.</summary>
    public const int MaxBlockSize = 1 << 16;

    /// <summary>The hash table a caller lends <see cref="Encode"/>: at most this many entries are used.</summary>
    public const int TableSize = 1 << 14;

    // Below this a block has no room for a match worth more than the tags around it.
    private const int MinMatchableLength = 16;

    // Matching stops this far from the end, so 4-byte loads at a candidate and at the cursor stay inside.
    private const int TailMargin = 8;

    /// <summary>
    /// Encodes <paramref name="source"/> (at most <see cref="MaxBlockSize"/> bytes) into
    /// <paramref name="destination"/>, the length uvarint included. Returns the encoded length, or 0 when
    /// the encoding would not fit <paramref name="destination"/>: a caller sizes that to the most it is
    /// willing to spend, and stores the bytes uncompressed instead.
    /// </summary>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination, Span<ushort> table)
    {
        if (source.Length > MaxBlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(source), "S2 block larger than the encoder's table can address");
        }

        var o = WriteLength(destination, source.Length);
        if (o == 0)
        {
            return 0;
        }

        var nextEmit = 0;
        if (source.Length >= MinMatchableLength)
        {
            // A table about as large as the input: clearing 32 KiB for a 70-byte flush would cost more
            // than encoding it.
            var bits = Math.Clamp(BitOperations.Log2((uint)source.Length - 1) + 1, 8, BitOperations.Log2(TableSize));
            var hashes = table[..(1 << bits)];
            hashes.Clear();
            var shift = 32 - bits;

            var limit = source.Length - TailMargin;
            var s = 1;
            var skip = 32;
            while (s <= limit)
            {
                var current = Load(source, s);
                ref var slot = ref hashes[Hash(current, shift)];
                var candidate = (int)slot;
                slot = (ushort)s;
                if (candidate >= s || Load(source, candidate) != current)
                {
                    // Past a run of misses the cursor steps faster, so incompressible data costs little.
                    s += skip >> 5;
                    skip++;
                    continue;
                }

                while (candidate > 0 && s > nextEmit && source[candidate - 1] == source[s - 1])
                {
                    candidate--;
                    s--;
                }

                var matched = 4 + source[(candidate + 4)..].CommonPrefixLength(source[(s + 4)..]);
                if (s > nextEmit)
                {
                    o = EmitLiteral(source[nextEmit..s], destination, o);
                    if (o == 0)
                    {
                        return 0;
                    }
                }

                o = EmitCopy(s - candidate, matched, destination, o);
                if (o == 0)
                {
                    return 0;
                }

                s += matched;
                nextEmit = s;
                skip = 32;
                if (s <= limit)
                {
                    // The byte before the cursor starts the next most likely match.
                    hashes[Hash(Load(source, s - 1), shift)] = (ushort)(s - 1);
                }
            }
        }

        if (nextEmit < source.Length)
        {
            o = EmitLiteral(source[nextEmit..], destination, o);
        }

        return o;
    }

    private static uint Load(ReadOnlySpan<byte> source, int at) => BinaryPrimitives.ReadUInt32LittleEndian(source[at..]);

    private static int Hash(uint value, int shift) => (int)((value * 0x1e35a7bdu) >> shift);

    private static int WriteLength(Span<byte> destination, int length)
    {
        var o = 0;
        var value = (uint)length;
        while (value >= 0x80)
        {
            if (o >= destination.Length)
            {
                return 0;
            }

            destination[o++] = (byte)(value | 0x80);
            value >>= 7;
        }

        if (o >= destination.Length)
        {
            return 0;
        }

        destination[o++] = (byte)value;
        return o;
    }

    private static int EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> destination, int o)
    {
        var n = literal.Length - 1;
        var header = n < 60 ? 1 : n < 1 << 8 ? 2 : 3;
        if (destination.Length - o < header + literal.Length)
        {
            return 0;
        }

        switch (header)
        {
            case 1:
                destination[o] = (byte)(n << 2);
                break;
            case 2:
                destination[o] = 60 << 2;
                destination[o + 1] = (byte)n;
                break;
            default:
                destination[o] = 61 << 2;
                BinaryPrimitives.WriteUInt16LittleEndian(destination[(o + 1)..], (ushort)n);
                break;
        }

        literal.CopyTo(destination[(o + header)..]);
        return o + header + literal.Length;
    }

    private static int EmitCopy(int offset, int length, Span<byte> destination, int o)
    {
        // Copies longer than 64 go out in pieces of 64, leaving at least 4 for the last piece.
        while (length >= 68)
        {
            o = EmitCopy2(offset, 64, destination, o);
            if (o == 0)
            {
                return 0;
            }

            length -= 64;
        }

        if (length > 64)
        {
            o = EmitCopy2(offset, 60, destination, o);
            if (o == 0)
            {
                return 0;
            }

            length -= 60;
        }

        if (length >= 12 || offset >= 2048)
        {
            return EmitCopy2(offset, length, destination, o);
        }

        if (destination.Length - o < 2)
        {
            return 0;
        }

        destination[o] = (byte)(((offset >> 8) << 5) | ((length - 4) << 2) | 1);
        destination[o + 1] = (byte)offset;
        return o + 2;
    }

    private static int EmitCopy2(int offset, int length, Span<byte> destination, int o)
    {
        if (destination.Length - o < 3)
        {
            return 0;
        }

        destination[o] = (byte)(((length - 1) << 2) | 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[(o + 1)..], (ushort)offset);
        return o + 3;
    }
}
