using System.Buffers.Binary;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// The durable "the hub has everything up to here" sequence, in the file <c>cursor</c>:
/// <c>i64 sequence, u32 CRC-32C of those 8 bytes</c>, little-endian. Each save is a new file renamed
/// over the old one, so the cursor is never half written.
/// </summary>
internal sealed class OutboxCursor(IOutboxFiles files, string directory)
{
    public const string FileName = "cursor";

    private const int Size = 12;

    private readonly string _path = Path.Combine(directory, FileName);

    /// <summary>
    /// The saved sequence; 0 when there is none, or when the file is damaged: then every record kept is
    /// forwarded again, and the hub sees duplicates rather than the board losing records.
    /// </summary>
    public long Load(ServerLog log)
    {
        var content = files.ReadAll(_path);
        if (content is null)
        {
            return 0;
        }

        if (content.Length == Size && BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(8)) == OutboxRecordFormat.Checksum32C(content.AsSpan(0, 8)))
        {
            return Math.Max(0, BinaryPrimitives.ReadInt64LittleEndian(content));
        }

        log.Error($"Outbox cursor {_path} is damaged: records kept will be forwarded again from the oldest");
        return 0;
    }

    /// <summary>Saves <paramref name="sequence"/>; throws <see cref="IOException"/> when the disk fails.</summary>
    public void Save(long sequence)
    {
        Span<byte> content = stackalloc byte[Size];
        BinaryPrimitives.WriteInt64LittleEndian(content, sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(content[8..], OutboxRecordFormat.Checksum32C(content[..8]));
        files.Replace(_path, content);
    }
}
