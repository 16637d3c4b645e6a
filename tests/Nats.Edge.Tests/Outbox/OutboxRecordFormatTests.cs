using System.Buffers;
using System.Text;
using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Tests.Outbox;

public sealed class OutboxRecordFormatTests
{
    private static readonly byte[] Headers = "NATS/1.0\r\nUnit: C\r\n\r\n"u8.ToArray();

    [Fact]
    public void A_record_reads_back_its_sequence_timestamp_subject_headers_and_payload()
    {
        var bytes = Record(sequence: 7, timestamp: 1_765_000_000_123_456_789);

        Assert.Equal(OutboxParse.Whole, OutboxRecordFormat.TryParse(bytes, 0, out var length));
        Assert.Equal(bytes.Length, length);
        var record = OutboxRecordFormat.Read(bytes);
        Assert.Equal(7, record.Sequence);
        Assert.Equal(1_765_000_000_123_456_789, record.TimestampUnixNanos);
        Assert.Equal("sensors.temp", Encoding.UTF8.GetString(record.Subject));
        Assert.Equal(Headers, record.Headers.ToArray());
        Assert.Equal("21.5", Encoding.UTF8.GetString(record.Payload));
    }

    [Fact]
    public void A_payload_in_several_buffers_is_stored_as_one()
    {
        var payload = Sequence("21"u8.ToArray(), ".5"u8.ToArray());
        var bytes = new byte[OutboxRecordFormat.SizeOf(1, 0, payload.Length)];
        OutboxRecordFormat.Write(bytes, 1, 0, "t"u8, default, payload);

        Assert.Equal("21.5", Encoding.UTF8.GetString(OutboxRecordFormat.Read(bytes).Payload));
    }

    [Fact]
    public void A_changed_byte_anywhere_in_a_record_is_never_read_as_whole()
    {
        var original = Record(sequence: 3, timestamp: 42);
        for (var at = 0; at < original.Length; at++)
        {
            var damaged = (byte[])original.Clone();
            damaged[at] ^= 0x10;
            Assert.NotEqual(OutboxParse.Whole, OutboxRecordFormat.TryParse(damaged, 0, out _));
        }
    }

    [Fact]
    public void A_record_cut_at_any_byte_is_incomplete()
    {
        var bytes = Record(sequence: 3, timestamp: 42);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            Assert.Equal(OutboxParse.Incomplete, OutboxRecordFormat.TryParse(bytes.AsSpan(0, cut), 0, out _));
        }
    }

    [Fact]
    public void A_record_whose_sequence_does_not_move_forward_is_corrupt() =>
        Assert.Equal(OutboxParse.Corrupt, OutboxRecordFormat.TryParse(Record(sequence: 5, timestamp: 0), 5, out _));

    private static byte[] Record(long sequence, long timestamp)
    {
        var payload = new ReadOnlySequence<byte>("21.5"u8.ToArray());
        var bytes = new byte[OutboxRecordFormat.SizeOf("sensors.temp".Length, Headers.Length, payload.Length)];
        OutboxRecordFormat.Write(bytes, sequence, timestamp, "sensors.temp"u8, Headers, payload);
        return bytes;
    }

    private static ReadOnlySequence<byte> Sequence(byte[] first, byte[] second)
    {
        var head = new Chunk(first);
        var tail = head.Append(second);
        return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
    }

    private sealed class Chunk : ReadOnlySequenceSegment<byte>
    {
        public Chunk(byte[] bytes) => Memory = bytes;

        public Chunk Append(byte[] bytes)
        {
            var next = new Chunk(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
