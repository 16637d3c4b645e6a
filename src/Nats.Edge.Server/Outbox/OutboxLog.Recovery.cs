using Microsoft.Win32.SafeHandles;

namespace Nats.Edge.Server.Outbox;

internal sealed partial class OutboxLog
{
    // Segments are at most 64 MiB plus one record (see SegmentSize); anything far larger is not ours to load whole.
    private const long MaxSegmentFile = 128 * 1024 * 1024;

    // Reads the directory back into memory: identity, cursor, and every segment checked record by record.
    private void Recover()
    {
        var directory = _options.Directory;
        _files.CreateDirectory(directory);
        BoardId = OutboxIdentity.LoadOrCreate(_files, directory, _log);
        var acked = _cursor.Load(_log);

        var found = new List<long>();
        foreach (var name in _files.List(directory, OutboxSegment.Extension))
        {
            if (OutboxSegment.TryParseName(name, out var first))
            {
                found.Add(first);
            }
        }

        found.Sort();
        long last = 0;
        byte[] buffer = [];
        try
        {
            for (var i = 0; i < found.Count; i++)
            {
                last = RecoverSegment(new OutboxSegment(directory, found[i]), isLast: i == found.Count - 1, last, ref buffer);
            }
        }
        finally
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        // After a torn tail the next record takes the lost record's sequence: it was never whole on
        // disk, so never read, forwarded or acknowledged. The cursor is the exception: a sequence the
        // hub acknowledged is never handed out again, even if its record did not survive.
        _lastSequence = Math.Max(last, acked);
        _writtenThrough = _syncedThrough = _storedThrough = _lastSequence;
        _ackedThrough = _savedAck = acked;
        _firstSequence = _segments.Count > 0 ? _segments[0].FirstSequence : _lastSequence + 1;
        foreach (var segment in _segments)
        {
            _keptMessages += segment.Count;
            _keptBytes += segment.Bytes;
        }
    }

    // Checks one segment, keeps it in the list when it holds any whole record, and returns the highest
    // sequence seen so far. A torn tail of the last segment is cut off; damage anywhere else is
    // reported and stepped over, by searching forward for the next record whose checksum holds.
    private long RecoverSegment(OutboxSegment segment, bool isLast, long last, ref byte[] buffer)
    {
        var file = _files.OpenWrite(segment.Path, create: false);
        try
        {
            var length = _files.Length(file);
            if (length > MaxSegmentFile)
            {
                _log.Error($"Outbox segment {segment.Path} is {length} bytes, too large to be one: left alone and not read");
                file.Dispose();
                return last;
            }

            var data = ReadWhole(file, (int)length, ref buffer);
            long position = 0;
            while (position < data.Length)
            {
                var rest = data[(int)position..];
                if (OutboxRecordFormat.TryParse(rest, last, out var recordLength) == OutboxParse.Whole)
                {
                    var record = rest[..recordLength];
                    last = OutboxRecordFormat.Sequence(record);
                    segment.Extend(recordLength, 1, OutboxRecordFormat.Timestamp(record), last, OutboxRecordFormat.Timestamp(record));
                    position += recordLength;
                    continue;
                }

                var resume = FindRecord(data, position + 1, last);
                if (resume < 0)
                {
                    break;
                }

                _log.Error($"Outbox segment {segment.Path} is damaged: bytes {position} to {resume} skipped, records after them kept");
                (segment.Damaged ??= []).Add((position, resume));
                segment.Bytes += resume - position;
                position = resume;
            }

            if (position < data.Length)
            {
                if (isLast)
                {
                    // A power cut or a kill during a write leaves part of a record: expected, and nothing
                    // acknowledged is lost with it.
                    _log.Warn($"Outbox segment {segment.Path}: {data.Length - position} bytes of a torn record at its end cut off");
                    _files.Truncate(file, position);
                }
                else
                {
                    _log.Error($"Outbox segment {segment.Path} is damaged: its last {data.Length - position} bytes hold no whole record and are skipped");
                }
            }

            if (segment.Count == 0)
            {
                file.Dispose();
                _files.Delete(segment.Path);
                return last;
            }

            _segments.Add(segment);
            if (isLast)
            {
                // The last segment goes on taking records: appending after its last whole one is still append-only.
                _active = segment;
                _activeFile = file;
            }
            else
            {
                segment.Sealed = true;
                file.Dispose();
            }

            return last;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private ReadOnlySpan<byte> ReadWhole(SafeFileHandle file, int length, ref byte[] buffer)
    {
        if (buffer.Length < length)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        var read = 0;
        while (read < length)
        {
            var count = _files.Read(file, buffer.AsSpan(read, length - read), read);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return buffer.AsSpan(0, read);
    }

    // The offset of the next whole record with a sequence above `after`, or -1. Most offsets fail on
    // the length or sequence checks before any checksum is computed.
    private static long FindRecord(ReadOnlySpan<byte> data, long from, long after)
    {
        for (var at = (int)from; at <= data.Length - OutboxRecordFormat.HeaderSize; at++)
        {
            if (OutboxRecordFormat.TryParse(data[at..], after, out _) == OutboxParse.Whole)
            {
                return at;
            }
        }

        return -1;
    }
}
