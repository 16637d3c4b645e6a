using System.Buffers.Binary;
using Nats.Edge.Server.Hashing;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// One record as it lies in a segment file, all integers little-endian:
/// <code>
///  0  u32  length       the whole record, this field included
///  4  u32  crc32c       CRC-32C (Castagnoli) over bytes 0..4 and 8..length: everything but itself
///  8  i64  sequence
/// 16  i64  timestamp    nanoseconds since the Unix epoch, when Append took the record
/// 24  u32  subject length
/// 28  u32  headers length (0 when the message had no header block)
/// 32       subject, headers, payload; the payload is what the length leaves
/// </code>
/// The length comes first so a torn tail shows as a record longer than the file, and the checksum
/// covers the length so a flipped length byte is caught rather than followed.
/// </summary>
internal static class OutboxRecordFormat
{
    public const int HeaderSize = 32;

    // A sanity bound for a length read from disk: Append refuses anything above its 8 MiB memory bound,
    // so a larger length can only be damage.
    public const int MaxRecordSize = 64 * 1024 * 1024;

    public static long SizeOf(int subjectLength, int headersLength, long payloadLength) =>
        HeaderSize + (long)subjectLength + headersLength + payloadLength;

    /// <summary>
    /// Writes one record into <paramref name="destination"/>, which is exactly its size; with
    /// <paramref name="seal"/> false its checksum is left to <see cref="Seal"/>.
    /// </summary>
    public static void Write(
        Span<byte> destination, long sequence, long timestampUnixNanos, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> headers, in ReadOnlySequence<byte> payload,
        bool seal = true)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)destination.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], timestampUnixNanos);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)subject.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], (uint)headers.Length);
        var body = destination[HeaderSize..];
        subject.CopyTo(body);
        headers.CopyTo(body[subject.Length..]);
        payload.CopyTo(body[(subject.Length + headers.Length)..]);
        if (seal)
        {
            Seal(destination);
        }
    }

    /// <summary>Puts the checksum into a record <see cref="Write"/> left unsealed.</summary>
    public static void Seal(Span<byte> record) => BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Checksum(record));

    /// <summary>
    /// Looks at the bytes from a record's start: <paramref name="length"/> is the record's size when it is
    /// <see cref="OutboxParse.Whole"/>. A record must carry a sequence above <paramref name="afterSequence"/>:
    /// an older one is stale bytes, not the next record.
    /// </summary>
    public static OutboxParse TryParse(ReadOnlySpan<byte> data, long afterSequence, out int length)
    {
        length = 0;
        if (data.Length < 4)
        {
            return OutboxParse.Incomplete;
        }

        var declared = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (declared < HeaderSize || declared > MaxRecordSize)
        {
            return OutboxParse.Corrupt;
        }

        if (data.Length < HeaderSize)
        {
            return OutboxParse.Incomplete;
        }

        var sequence = BinaryPrimitives.ReadInt64LittleEndian(data[8..]);
        var subjectLength = BinaryPrimitives.ReadUInt32LittleEndian(data[24..]);
        var headersLength = BinaryPrimitives.ReadUInt32LittleEndian(data[28..]);
        if (sequence <= afterSequence || (ulong)subjectLength + headersLength > declared - HeaderSize)
        {
            return OutboxParse.Corrupt;
        }

        if (data.Length < declared)
        {
            return OutboxParse.Incomplete;
        }

        var record = data[..(int)declared];
        if (Checksum(record) != BinaryPrimitives.ReadUInt32LittleEndian(record[4..]))
        {
            return OutboxParse.Corrupt;
        }

        length = (int)declared;
        return OutboxParse.Whole;
    }

    /// <summary>The fields of a record <see cref="TryParse"/> called whole.</summary>
    public static OutboxRecord Read(ReadOnlySpan<byte> record)
    {
        var subjectLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[24..]);
        var headersLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(record[28..]);
        var body = record[HeaderSize..];
        return new OutboxRecord(
            Sequence(record),
            Timestamp(record),
            body[..subjectLength],
            body.Slice(subjectLength, headersLength),
            body[(subjectLength + headersLength)..]);
    }

    public static int Length(ReadOnlySpan<byte> record) => (int)BinaryPrimitives.ReadUInt32LittleEndian(record);

    public static long Sequence(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadInt64LittleEndian(record[8..]);

    public static long Timestamp(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadInt64LittleEndian(record[16..]);

    /// <summary>The standard CRC-32C of <paramref name="data"/>, for the small files beside the segments.</summary>
    public static uint Checksum32C(ReadOnlySpan<byte> data) => Crc32C.Compute(data);

    private static uint Checksum(ReadOnlySpan<byte> record) => ~Crc32C.Append(Crc32C.Append(uint.MaxValue, record[..4]), record[8..]);
}
