using Microsoft.Win32.SafeHandles;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Reads stored records in sequence order for one thread (the forwarder), through a buffer of its
/// own that is reused from record to record. It reads a segment only up to the records the writer has
/// finished, follows the writer into new segments, and jumps over records the log discarded meanwhile.
/// </summary>
internal sealed class OutboxReader : IDisposable
{
    private const int InitialBuffer = 64 * 1024;

    private readonly OutboxLog _outbox;
    private readonly IOutboxFiles _files;
    private readonly ServerLog _log;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);

    // The buffer holds the segment's bytes [_bufferOffset, _bufferOffset + _end); the next record starts at _start.
    private long _bufferOffset;
    private int _start;
    private int _end;
    private long _previous;
    private long _next;
    private SafeFileHandle? _file;
    private readonly bool _syncedOnly;

    internal OutboxReader(OutboxLog outbox, IOutboxFiles files, ServerLog log, long fromSequence, bool syncedOnly)
    {
        _outbox = outbox;
        _syncedOnly = syncedOnly;
        _files = files;
        _log = log;
        _next = fromSequence;
    }

    /// <summary>The segment the last record came from.</summary>
    internal OutboxSegment? Segment { get; private set; }

    /// <summary>Where the last record starts in <see cref="Segment"/>.</summary>
    internal long RecordOffset { get; private set; }

    /// <summary>
    /// The next stored record at or after the reader's position; false when none is stored yet. The
    /// record's spans point into the reader's buffer and hold until the next call. Throws
    /// <see cref="IOException"/> when the file cannot be read; the reader may be asked again.
    /// </summary>
    public bool TryRead(out OutboxRecord record)
    {
        record = default;
        while (true)
        {
            var stored = _syncedOnly ? _outbox.SyncedThrough : _outbox.StoredThrough;
            if (_next > stored)
            {
                return false;
            }

            _next = Math.Max(_next, _outbox.FirstSequence);
            if (Segment is { Sealed: true } passed && passed.LastSequence < _next)
            {
                Close();
            }

            if (Segment is null && !OpenSegment())
            {
                return false;
            }

            var segment = Segment!;
            var offset = _bufferOffset + _start;
            var available = _buffer.AsSpan(_start, _end - _start);
            switch (OutboxRecordFormat.TryParse(available, _previous, out var length))
            {
                case OutboxParse.Whole:
                    var bytes = available[..length];
                    var sequence = OutboxRecordFormat.Sequence(bytes);
                    if (sequence > stored)
                    {
                        // Written but not yet stored: with sync always, a record counts once it is synced.
                        return false;
                    }

                    _start += length;
                    _previous = sequence;
                    if (sequence < _next)
                    {
                        continue;
                    }

                    _next = _previous + 1;
                    RecordOffset = offset;
                    record = OutboxRecordFormat.Read(bytes);
                    return true;

                case OutboxParse.Incomplete:
                    // Sealed is read before Bytes: a segment sealed after the read is read again next turn.
                    var sealedSegment = segment.Sealed;
                    if (_bufferOffset + _end < segment.Bytes)
                    {
                        if (!Fill(segment, available.Length >= 4 ? OutboxRecordFormat.Length(available) : OutboxRecordFormat.HeaderSize))
                        {
                            _log.Error($"Outbox segment {segment.Path} ends before its records do: the rest of it is skipped");
                            NextSegment(segment);
                        }

                        continue;
                    }

                    if (!sealedSegment)
                    {
                        return false;
                    }

                    NextSegment(segment);
                    continue;

                default:
                    if (segment.TrySkipDamage(offset, out var end))
                    {
                        Seek(end);
                        continue;
                    }

                    // Damage recovery did not see (the card decayed since): the rest of this segment is lost.
                    _log.Error($"Outbox segment {segment.Path} is damaged at byte {offset}: records after it in this segment are skipped");
                    NextSegment(segment);
                    continue;
            }
        }
    }

    /// <summary>Moves the reader forward to <paramref name="sequence"/>; never backwards.</summary>
    internal void SkipTo(long sequence) => _next = Math.Max(_next, sequence);

    public void Dispose()
    {
        Close();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private bool OpenSegment()
    {
        while (_outbox.FindSegment(_next) is { } segment)
        {
            try
            {
                _file = _files.OpenRead(segment.Path);
            }
            catch (FileNotFoundException)
            {
                // Deleted between the look-up and the open: the log has moved its first sequence past it.
                _next = Math.Max(_next, segment.LastSequence + 1);
                continue;
            }

            Segment = segment;
            _bufferOffset = 0;
            _start = 0;
            _end = 0;
            _previous = 0;
            return true;
        }

        return false;
    }

    private void NextSegment(OutboxSegment segment)
    {
        _next = Math.Max(_next, segment.LastSequence + 1);
        Close();
    }

    private void Close()
    {
        _file?.Dispose();
        _file = null;
        Segment = null;
    }

    private void Seek(long offset)
    {
        _bufferOffset = offset;
        _start = 0;
        _end = 0;
    }

    // Keeps the unread bytes, makes room for at least `needed` of them, and reads up to the segment's
    // finished end: never into a record the writer is still writing. False when the file had no more.
    private bool Fill(OutboxSegment segment, int needed)
    {
        var unread = _end - _start;
        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _bufferOffset += _start;
        _start = 0;
        _end = unread;
        var limit = (int)Math.Min(_buffer.Length - unread, segment.Bytes - (_bufferOffset + unread));
        while (limit > 0)
        {
            var read = _files.Read(_file!, _buffer.AsSpan(_end, limit), _bufferOffset + _end);
            if (read == 0)
            {
                break;
            }

            _end += read;
            limit -= read;
        }

        return _end > unread;
    }
}
