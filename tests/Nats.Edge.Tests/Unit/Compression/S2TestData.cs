using System.Buffers.Binary;
using System.Text;
using Nats.Edge.Server.Compression;

namespace Nats.Edge.Tests.Unit.Compression;

/// <summary>Inputs for the S2 tests: recorded files, sensor readings, and chunks built by hand.</summary>
internal static class S2TestData
{
    public static byte[] File(string name) =>
        System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Unit", "Compression", "Data", name));

    /// <summary>One JSON reading as a board publishes it; the values drift with <paramref name="i"/>.</summary>
    public static string Reading(int i) =>
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"sensor\":\"pi-{i % 12:00}/{Kinds[i % Kinds.Length]}\",\"value\":{20 + ((i * 37) % 1000 / 100.0):0.00},\"unit\":\"{Units[i % Kinds.Length]}\",\"ts\":{1733616000123L + (i * 250L)}}}\n");

    public static byte[] Readings(int count, int first = 0)
    {
        var text = new StringBuilder();
        for (var i = first; i < first + count; i++)
        {
            text.Append(Reading(i));
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public static byte[] Random(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The stream identifier, then the given chunks.</summary>
    public static byte[] Stream(params byte[][] chunks) => [.. S2Format.S2StreamIdentifier, .. chunks.SelectMany(c => c)];

    public static byte[] Chunk(byte type, ReadOnlySpan<byte> body)
    {
        var chunk = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(chunk, (uint)(body.Length << 8) | type);
        body.CopyTo(chunk.AsSpan(4));
        return chunk;
    }

    /// <summary>A data chunk carrying <paramref name="data"/>, its block given or stored as is.</summary>
    public static byte[] DataChunk(ReadOnlySpan<byte> data, byte[]? block = null)
    {
        var body = new byte[4 + (block?.Length ?? data.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(body, S2Format.MaskedChecksum(data));
        (block ?? data.ToArray()).CopyTo(body, 4);
        return Chunk(block is null ? S2Format.UncompressedChunk : S2Format.CompressedChunk, body);
    }

    private static readonly string[] Kinds = ["temp", "humidity", "pressure", "co2"];
    private static readonly string[] Units = ["C", "%", "hPa", "ppm"];
}
