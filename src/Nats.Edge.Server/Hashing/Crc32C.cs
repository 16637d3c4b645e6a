using System.Buffers.Binary;
using System.Numerics;

namespace Nats.Edge.Server.Hashing;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of the outbox's records and of S2/Snappy stream chunks.
/// </summary>
internal static class Crc32C
{
    /// <summary>The standard CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>
    /// Runs the register over more bytes without the standard's initial value or final inversion, so a
    /// checksum can cover pieces that do not lie side by side: start from <see cref="uint.MaxValue"/> and
    /// invert the end result.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        // BitOperations.Crc32C is the CPU's instruction on x64 (SSE4.2) and on the Pi's ARMv8 cores:
        // one call per 8 bytes.
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        if (data.Length >= 4)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt32LittleEndian(data));
            data = data[4..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
}
