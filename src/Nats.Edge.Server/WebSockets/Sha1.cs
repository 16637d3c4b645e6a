using System.Buffers.Binary;
using System.Numerics;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// SHA-1 of a short input, for the one place the WebSocket handshake needs it (RFC 6455's
/// Sec-WebSocket-Accept, not a security check). .NET's own goes through OpenSSL, which a board
/// without TLS never loads (see <see cref="ServerIdentity"/>); a plain ws:// port should not either.
/// </summary>
internal static class Sha1
{
    public const int HashSize = 20;

    public static void Hash(ReadOnlySpan<byte> input, Span<byte> hash)
    {
        Span<uint> state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        Span<byte> block = stackalloc byte[64];
        var whole = input.Length / 64;
        for (var i = 0; i < whole; i++)
        {
            Compress(state, input.Slice(i * 64, 64));
        }

        // The tail, the 0x80 marker and the bit length, over one block or two.
        var tail = input[(whole * 64)..];
        block.Clear();
        tail.CopyTo(block);
        block[tail.Length] = 0x80;
        if (tail.Length >= 56)
        {
            Compress(state, block);
            block.Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(block[56..], (ulong)input.Length * 8);
        Compress(state, block);
        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash[(i * 4)..], state[i]);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[80];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 80; t++)
        {
            w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var t = 0; t < 80; t++)
        {
            var (f, k) = t switch
            {
                < 20 => ((b & c) | (~b & d), 0x5A827999u),
                < 40 => (b ^ c ^ d, 0x6ED9EBA1u),
                < 60 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                _ => (b ^ c ^ d, 0xCA62C1D6u),
            };
            var next = BitOperations.RotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = next;
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }
}
