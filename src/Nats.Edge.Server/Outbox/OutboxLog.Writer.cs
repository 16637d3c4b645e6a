using Microsoft.Win32.SafeHandles;

namespace Nats.Edge.Server.Outbox;

internal sealed partial class OutboxLog
{
    // A failed write is tried again this often: soon enough that records flow once space is freed,
    // seldom enough that a dead card is not hammered.
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

    // With nothing to write the writer still looks at the clock this often, for MaxAge.
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(1);

    private readonly Thread _writer;
    // Past this much waiting, the writer writes at once rather than gathering more.
    private const long GatherBytes = 256 * 1024;

    // No spinning before the wait blocks: on a board's few cores the spin takes the read loop's turn.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private readonly OutboxThrottle _errorLog;
    private volatile bool _stopping;

    // The writer thread's own state.
    private OutboxBatch _writing = new();
    private int _writingDone;
    private OutboxSegment? _active;
    private SafeFileHandle? _activeFile;
    private long _writtenThrough;
    private long _syncedThrough;
    private long _savedAck;
    private bool _unsynced;
    private long _syncDue = long.MaxValue;

    // Read by Stats too.
    private long _bytesWritten;
    private long _syncs;
    private long _writeErrors;
    private string? _lastError;
    private DateTimeOffset _lastErrorTime;

    private bool SyncAlways => _options.SyncInterval <= TimeSpan.Zero;

    private void Wake()
    {
        // Set only when clear: under load the writer is busy and the flag is up, so most appends skip it.
        if (!_wake.IsSet)
        {
            _wake.Set();
        }
    }

    private void RunWriter()
    {
        while (true)
        {
            var stopping = _stopping;
            if (!stopping)
            {
                _wake.Wait(NextWait());

                // Records gathered for a millisecond more go in one write and one hand-over of the
                // lock instead of hundreds: under a publisher's full rate the writer had been taking
                // the lock from the read loop once per few records.
                if (Volatile.Read(ref _waitingBytes) is > 0 and < GatherBytes)
                {
                    Thread.Sleep(1);
                }
            }

            _wake.Reset();
            try
            {
                Cycle(final: stopping);
            }
            catch (Exception error)
            {
                // A failure no file operation above expected (a reader's read in RefreshOldestPending,
                // a bug): the outbox stops taking records and retries, the server goes on.
                Failed("running its writer", error, stopsWrites: true);
            }
            if (stopping)
            {
                break;
            }
        }

        CloseActive();
        ReleaseBatches();
        _oldestScanner?.Dispose();
    }

    private TimeSpan NextWait()
    {
        if (Volatile.Read(ref _failing))
        {
            return RetryInterval;
        }

        if (_syncDue == long.MaxValue)
        {
            return IdleInterval;
        }

        var left = _time.GetElapsedTime(_time.GetTimestamp(), _syncDue);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left < IdleInterval ? left : IdleInterval;
    }

    // One turn of the writer: take what Append gathered, write it, sync when due, apply the limits,
    // tell the forwarder. A failure leaves the batch in place for the next turn.
    private void Cycle(bool final)
    {
        SetClock();
        var now = _time.GetUtcNow();
        EnforceLimits(now);
        var healthy = WriteWaiting();
        if (AckedThrough != _savedAck || _unsynced)
        {
            ScheduleSync();
        }

        if (final || SyncAlways || _time.GetTimestamp() >= _syncDue)
        {
            healthy &= Sync();
        }

        EnforceLimits(now);
        Publish();
        RefreshOldestPending();
        if (healthy && Volatile.Read(ref _failing))
        {
            Recovered();
        }

        if (final && !healthy)
        {
            _log.Error($"Outbox closed with records {_writtenThrough + 1} to {_lastSequence} not written: {_lastError}");
        }
    }

    // Writes the batch in hand, then swaps in the one Append filled meanwhile, until both are written.
    // True when everything waiting reached the files.
    private bool WriteWaiting()
    {
        while (true)
        {
            if (_writingDone == _writing.Length)
            {
                _writing.Clear();
                _writingDone = 0;

                // The batch about to become Append's grows here to the other's size, so the two
                // grow together and the read loop never pays for a larger buffer.
                _writing.EnsureCapacity(Volatile.Read(ref _pending).Capacity);
                lock (_gate)
                {
                    (_pending, _writing) = (_writing, _pending);
                }

                if (_writing.Length == 0)
                {
                    return true;
                }
            }

            try
            {
                WriteBatch();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Failed("writing", error, stopsWrites: true);
                return false;
            }
        }
    }

    // Splits the batch where segments fill up; each run of records that goes to one file is one write.
    private void WriteBatch()
    {
        var data = _writing.WrittenForSealing;
        while (_writingDone < data.Length)
        {
            var segment = _active ?? BeginSegment(OutboxRecordFormat.Sequence(data[_writingDone..]));
            var start = _writingDone;
            var end = start;
            long count = 0;
            while (end < data.Length)
            {
                var length = OutboxRecordFormat.Length(data[end..]);
                if (segment.Count + count > 0
                    && (segment.Bytes + (end - start) + length > _segmentBytes || segment.Count + count + 1 > _segmentMessages))
                {
                    break;
                }

                OutboxRecordFormat.Seal(data.Slice(end, length));
                end += length;
                count++;
            }

            if (count == 0)
            {
                Roll();
                continue;
            }

            var run = data[start..end];
            _files.Write(_activeFile!, run, segment.Bytes);
            _unsynced = true;
            Volatile.Write(ref _bytesWritten, _bytesWritten + run.Length);
            var last = LastRecord(run);
            segment.Extend(run.Length, count, OutboxRecordFormat.Timestamp(run), OutboxRecordFormat.Sequence(last), OutboxRecordFormat.Timestamp(last));
            _writingDone = end;
            _writtenThrough = segment.LastSequence;
            lock (_gate)
            {
                _waitingBytes -= run.Length;
            }
        }
    }

    private static ReadOnlySpan<byte> LastRecord(ReadOnlySpan<byte> run)
    {
        var at = 0;
        while (true)
        {
            var length = OutboxRecordFormat.Length(run[at..]);
            if (at + length == run.Length)
            {
                return run[at..];
            }

            at += length;
        }
    }

    private OutboxSegment BeginSegment(long firstSequence)
    {
        var segment = new OutboxSegment(_options.Directory, firstSequence);
        _activeFile = _files.OpenWrite(segment.Path, create: true);

        // The new file's name is on the medium before any record in it can count as synced.
        _files.FlushDirectory(_options.Directory);
        _active = segment;
        lock (_segmentsGate)
        {
            _segments.Add(segment);
        }

        return segment;
    }

    // Closes the active segment: synced first, whatever the interval, so a closed segment is whole on
    // the medium and only the active one can have a torn tail after a power cut.
    private void Roll()
    {
        if (_active is null)
        {
            return;
        }

        if (_unsynced)
        {
            _files.Flush(_activeFile!);
            Volatile.Write(ref _syncs, _syncs + 1);
            _unsynced = false;
            NoteSynced();
        }

        _active.Sealed = true;
        CloseActive();
    }

    private void ScheduleSync()
    {
        if (_syncDue == long.MaxValue)
        {
            _syncDue = _time.GetTimestamp() + (long)(_options.SyncInterval.TotalSeconds * _time.TimestampFrequency);
        }
    }

    private bool Sync()
    {
        try
        {
            if (_unsynced && _activeFile is not null)
            {
                _files.Flush(_activeFile);
                Volatile.Write(ref _syncs, _syncs + 1);
            }

            _unsynced = false;
            NoteSynced();
            var acked = AckedThrough;
            if (acked != _savedAck)
            {
                _cursor.Save(acked);
                _savedAck = acked;
            }

            _syncDue = long.MaxValue;
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Failed("syncing", error, stopsWrites: true);
            return false;
        }
    }

    private void NoteSynced()
    {
        if (_writtenThrough <= _syncedThrough)
        {
            return;
        }

        Volatile.Write(ref _syncedThrough, _writtenThrough);
        try
        {
            Synced?.Invoke(_writtenThrough);
        }
        catch (Exception error)
        {
            _log.Error($"Outbox synced-records handler failed: {error.Message}");
        }
    }

    // Stored means written, and synced as well when every batch must be.
    private void Publish()
    {
        var through = SyncAlways ? _syncedThrough : _writtenThrough;
        if (through <= StoredThrough)
        {
            return;
        }

        Volatile.Write(ref _storedThrough, through);
        try
        {
            Stored?.Invoke(through);
        }
        catch (Exception error)
        {
            _log.Error($"Outbox stored-records handler failed: {error.Message}");
        }
    }

    // Counts and reports a failed file operation. One that stops writes (write, sync) makes Append
    // refuse until a retry succeeds; a failed deletion only leaves a file behind.
    private void Failed(string what, Exception error, bool stopsWrites)
    {
        var now = _time.GetUtcNow();
        long errors;
        lock (_gate)
        {
            _failing |= stopsWrites;
            errors = ++_writeErrors;
            _lastError = error.Message;
            _lastErrorTime = now;
        }

        if (_errorLog.TryTake())
        {
            _log.Error($"Outbox failed {what} in {_options.Directory}: {error.Message} ({errors} errors so far); {(stopsWrites ? "records taken are held and tried again, new ones refused" : "going on")}");
        }
    }

    private void Recovered()
    {
        lock (_gate)
        {
            _failing = false;
        }

        _log.Info($"Outbox writes in {_options.Directory} succeed again");
    }
}
