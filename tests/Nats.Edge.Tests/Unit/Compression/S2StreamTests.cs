using System.Text;
using Nats.Edge.Server.Compression;

namespace Nats.Edge.Tests.Unit.Compression;

/// <summary>
/// <see cref="S2Stream"/> end to end: what it writes reads back the same however it was cut, it reads
/// a stream the reference encoder wrote, and it refuses damaged or foreign chunks.
/// </summary>
public class S2StreamTests
{
    public static TheoryData<string> Inputs =>
    [
        "empty", "one byte", "repetitive", "random", "readings",
        "block-1", "block", "block+1", "3 blocks+7",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void What_is_written_in_one_go_reads_back_the_same(string input)
    {
        var data = Input(input);

        var stream = Encode(data, writeSize: Math.Max(1, data.Length));

        Assert.Equal(data, Decode(stream));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task What_is_written_in_small_flushed_pieces_reads_back_the_same_in_small_reads(string input)
    {
        var data = Input(input);

        var stream = await EncodeAsync(data, writeSize: 1000);

        Assert.Equal(data, await DecodeAsync(stream, readSize: 7));
    }

    [Theory]
    [InlineData(10_000, 3, 65_536)]
    [InlineData(70_000, 1, 4_096)]
    [InlineData(30_000, 4, 200)]
    public async Task Batches_of_readings_as_a_link_sends_them_read_back_the_same(int writeSize, int writesPerFlush, int readSize)
    {
        var data = S2TestData.Readings(40_000);
        var wire = new MemoryStream();
        await using (var writer = new S2Stream(wire, leaveOpen: true))
        {
            for (int at = 0, writes = 0; at < data.Length; at += writeSize)
            {
                await writer.WriteAsync(data.AsMemory(at, Math.Min(writeSize, data.Length - at)));
                if (++writes % writesPerFlush == 0)
                {
                    await writer.FlushAsync();
                }
            }

            await writer.FlushAsync();
        }

        Assert.Equal(data, await DecodeAsync(wire.ToArray(), readSize));
    }

    [Fact]
    public void Each_flush_ends_a_chunk_the_peer_can_read_at_once()
    {
        var wire = new MemoryStream();
        using var writer = new S2Stream(wire, leaveOpen: true);
        var reading = Encoding.ASCII.GetBytes(S2TestData.Reading(1));

        writer.Write(reading);
        Assert.Equal(0, wire.Length);
        writer.Flush();

        using var reader = new S2Stream(new MemoryStream(wire.ToArray()));
        var received = new byte[reading.Length];
        reader.ReadExactly(received);
        Assert.Equal(reading, received);
    }

    [Fact]
    public void Counters_tell_the_bytes_before_and_after_compression_both_ways()
    {
        var data = S2TestData.Readings(300);
        var wire = new MemoryStream();
        using (var writer = new S2Stream(wire, leaveOpen: true))
        {
            writer.Write(data);
            writer.Flush();
            Assert.Equal(data.Length, writer.UncompressedBytesWritten);
            Assert.Equal(wire.Length, writer.CompressedBytesWritten);
        }

        using var reader = new S2Stream(new MemoryStream(wire.ToArray()));
        reader.CopyTo(Stream.Null);
        Assert.Equal(wire.Length, reader.CompressedBytesRead);
        Assert.Equal(data.Length, reader.UncompressedBytesRead);
    }

    [Fact]
    public void Sensor_readings_flushed_a_hundred_at_a_time_take_at_most_40_percent()
    {
        var wire = new MemoryStream();
        using var writer = new S2Stream(wire, leaveOpen: true);
        for (var i = 0; i < 1000; i += 100)
        {
            writer.Write(S2TestData.Readings(100, first: i));
            writer.Flush();
        }

        Assert.InRange((double)writer.CompressedBytesWritten / writer.UncompressedBytesWritten, 0.0, 0.40);
    }

    [Fact]
    public void Random_bytes_go_uncompressed_for_little_more_than_their_size()
    {
        var data = S2TestData.Random(200_000);

        var stream = Encode(data, writeSize: data.Length);

        // The identifier, and 8 bytes of framing for each block.
        var blocks = (data.Length + S2FrameEncoder.BlockSize - 1) / S2FrameEncoder.BlockSize;
        Assert.Equal(10 + (blocks * 8) + data.Length, stream.Length);
    }

    [Fact]
    public void A_stream_the_reference_encoder_wrote_decodes_to_its_text()
    {
        var stream = S2TestData.File("go-s2-better.s2");

        Assert.Equal(S2TestData.File("go-s2-better.txt"), Decode(stream));
    }

    [Fact]
    public void A_chunk_whose_checksum_does_not_match_is_refused()
    {
        var stream = S2TestData.File("go-s2-better.s2");
        stream[14] ^= 0x01;

        Assert.Throws<InvalidDataException>(() => Decode(stream));
    }

    [Fact]
    public void An_uncompressed_chunk_with_a_damaged_byte_is_refused()
    {
        var stream = S2TestData.Stream(S2TestData.DataChunk("hello, hub"u8));
        stream[^1] ^= 0x20;

        Assert.Throws<InvalidDataException>(() => Decode(stream));
    }

    [Theory]
    [InlineData(0x02)]
    [InlineData(0x42)]
    [InlineData(0x7f)]
    public void Reserved_unskippable_chunks_are_refused(byte type)
    {
        var stream = S2TestData.Stream(S2TestData.DataChunk("before"u8), S2TestData.Chunk(type, [1, 2, 3]));

        Assert.Throws<InvalidDataException>(() => Decode(stream));
    }

    [Fact]
    public void Padding_and_skippable_chunks_are_passed_over()
    {
        var stream = S2TestData.Stream(
            S2TestData.DataChunk("one "u8),
            S2TestData.Chunk(S2Format.PaddingChunk, new byte[100]),
            S2TestData.Chunk(0x80, [9, 9, 9]),
            S2TestData.Chunk(0x99, S2TestData.Random(150_000)),
            S2TestData.DataChunk("two"u8));

        Assert.Equal("one two", Encoding.ASCII.GetString(Decode(stream, readSize: 3)));
    }

    [Fact]
    public void A_stream_without_an_identifier_is_refused()
    {
        var stream = S2TestData.DataChunk("no identifier"u8);

        Assert.Throws<InvalidDataException>(() => Decode(stream));
    }

    [Fact]
    public void A_snappy_stream_is_read_and_held_to_snappys_64_KiB_blocks()
    {
        byte[] snappy = [0xff, 6, 0, 0, .. "sNaPpY"u8];
        var small = S2TestData.Readings(10);
        var large = S2TestData.Readings(1200);
        Assert.True(large.Length > 64 * 1024);

        Assert.Equal(small, Decode([.. snappy, .. S2TestData.DataChunk(small)]));
        Assert.Throws<InvalidDataException>(() => Decode([.. snappy, .. S2TestData.DataChunk(large)]));
    }

    [Fact]
    public void Streams_joined_end_to_end_read_as_one()
    {
        var first = S2TestData.Readings(50);
        var second = S2TestData.Readings(50, first: 50);

        var joined = Decode([.. Encode(first, first.Length), .. Encode(second, second.Length)]);

        Assert.Equal([.. first, .. second], joined);
    }

    [Fact]
    public void A_megabyte_block_as_nats_server_writes_them_is_read()
    {
        var data = S2TestData.Readings(16_000)[..(1 << 20)];

        Assert.Equal(data, Decode(S2TestData.Stream(S2TestData.DataChunk(data)), readSize: 50_000));
    }

    [Fact]
    public void A_stream_cut_inside_a_chunk_ends_with_an_error()
    {
        var stream = Encode(S2TestData.Readings(100), 100_000);

        Assert.Throws<EndOfStreamException>(() => Decode(stream[..^3]));
    }

    [Fact]
    public void A_stream_read_a_byte_at_a_time_from_the_wire_decodes()
    {
        var data = S2TestData.Readings(200);
        var stream = Encode(data, 3000);

        using var reader = new S2Stream(new TrickleStream(stream));
        var output = new MemoryStream();
        reader.CopyTo(output);

        Assert.Equal(data, output.ToArray());
    }

    [Fact]
    public void After_dispose_reads_and_writes_are_refused()
    {
        var s2 = new S2Stream(new MemoryStream());
        s2.Dispose();

        Assert.Throws<ObjectDisposedException>(() => s2.Read(new byte[10]));
        Assert.Throws<ObjectDisposedException>(() => s2.Write(new byte[10]));
        Assert.False(s2.CanRead);
    }

    private static byte[] Input(string name) => name switch
    {
        "empty" => [],
        "one byte" => [42],
        "repetitive" => Encoding.ASCII.GetBytes(new string('a', 5000) + string.Concat(Enumerable.Repeat("PUB x 3\r\nabc\r\n", 2000))),
        "random" => S2TestData.Random(100_000),
        "readings" => S2TestData.Readings(1000),
        "block-1" => S2TestData.Readings(1000)[..(S2FrameEncoder.BlockSize - 1)],
        "block" => S2TestData.Readings(1000)[..S2FrameEncoder.BlockSize],
        "block+1" => S2TestData.Readings(1000)[..(S2FrameEncoder.BlockSize + 1)],
        _ => [.. S2TestData.Readings(3000)[..(S2FrameEncoder.BlockSize * 3)], .. S2TestData.Random(7)],
    };

    private static byte[] Encode(byte[] data, int writeSize)
    {
        var wire = new MemoryStream();
        using (var writer = new S2Stream(wire, leaveOpen: true))
        {
            for (var at = 0; at < data.Length; at += writeSize)
            {
                writer.Write(data.AsSpan(at, Math.Min(writeSize, data.Length - at)));
                writer.Flush();
            }
        }

        return wire.ToArray();
    }

    private static async Task<byte[]> EncodeAsync(byte[] data, int writeSize)
    {
        var wire = new MemoryStream();
        await using (var writer = new S2Stream(wire, leaveOpen: true))
        {
            for (var at = 0; at < data.Length; at += writeSize)
            {
                await writer.WriteAsync(data.AsMemory(at, Math.Min(writeSize, data.Length - at)));
                await writer.FlushAsync();
            }
        }

        return wire.ToArray();
    }

    private static byte[] Decode(byte[] stream, int readSize = 4096)
    {
        using var reader = new S2Stream(new MemoryStream(stream));
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static async Task<byte[]> DecodeAsync(byte[] stream, int readSize)
    {
        await using var reader = new S2Stream(new MemoryStream(stream));
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    // A wire that hands over one byte per read, as a slow link may.
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
