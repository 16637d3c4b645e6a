using System.Numerics;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

/// <summary>RFC 6455's masking: every payload byte XORed with the frame's 4-byte key, in turn.</summary>
internal static class WebSocketMask
{
    /// <summary>
    /// Masks (or unmasks: the same XOR) <paramref name="data"/> in place with <paramref name="key"/>
    /// (the key's bytes in wire order, packed as they lie in memory), starting <paramref name="offset"/>
    /// bytes into the frame's payload; returns the offset after it.
    /// </summary>
    public static int Apply(Span<byte> data, uint key, int offset)
    {
        // The key as it must lie over the data's first byte: its byte (offset mod 4) first in memory.
        var shift = (offset & 3) * 8;
        var rotated = BitConverter.IsLittleEndian ? BitOperations.RotateRight(key, shift) : BitOperations.RotateLeft(key, shift);

        var words = MemoryMarshal.Cast<byte, uint>(data);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] ^= rotated;
        }

        var keyBytes = MemoryMarshal.AsBytes(new Span<uint>(ref rotated));
        for (var i = words.Length * 4; i < data.Length; i++)
        {
            data[i] ^= keyBytes[i & 3];
        }

        return offset + data.Length;
    }
}
