using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// The outbox's store: messages for the hub, kept on local disk while the uplink is down, in
/// append-only segment files (<c>00000000000000000001.seg</c>, named by their first sequence).
/// Connection threads hand records to <see cref="Append"/>, which only copies them into memory; one
/// writer thread writes each batch with one write call, syncs on the <see cref="OutboxLogOptions.SyncInterval"/>,
/// applies the limits and deletes what the hub acknowledged. A forwarder reads with <see cref="OpenReader"/>
/// and reports progress with <see cref="Acknowledge"/>.
/// </summary>
internal sealed partial class OutboxLog : IDisposable
{
    private readonly OutboxLogOptions _options;
    private readonly ServerLog _log;
    private readonly IOutboxFiles _files;
    private readonly TimeProvider _time;
    private readonly OutboxCursor _cursor;
    private readonly long _segmentBytes;
    private readonly long _segmentMessages;
    private readonly long _maxWaitingBytes;

    // Segments oldest first; the writer changes the list, readers and Stats look segments up in it.
    private readonly Lock _segmentsGate = new();
    private readonly List<OutboxSegment> _segments = [];

    private long _firstSequence;
    private long _storedThrough;
    private long _ackedThrough;

    private OutboxLog(OutboxLogOptions options, ServerLog log, IOutboxFiles files, TimeProvider time)
    {
        _options = options;
        _log = log;
        _files = files;
        _time = time;
        _cursor = new OutboxCursor(files, options.Directory);
        _segmentBytes = SegmentSize(options);
        _segmentMessages = options.MaxMessages > 0 ? Math.Max(1, options.MaxMessages / 8) : long.MaxValue;

        // 8 MiB of records waiting for the disk is minutes of sensor traffic, and a quarter of a small
        // MaxBytes: past it the disk is not keeping up and Append refuses instead of growing memory.
        _maxWaitingBytes = options.MaxBytes > 0 ? Math.Clamp(options.MaxBytes / 4, 256 * 1024, 8 * 1024 * 1024) : 8 * 1024 * 1024;
        _busyLog = new OutboxThrottle(time);
        _limitLog = new OutboxThrottle(time);
        _failingLog = new OutboxThrottle(time);
        _tooLargeLog = new OutboxThrottle(time);
        _discardLog = new OutboxThrottle(time);
        _errorLog = new OutboxThrottle(time);
        _writer = new Thread(RunWriter) { IsBackground = true, Name = "outbox writer" };
    }

    /// <summary>
    /// Raised on the writer thread when more records are stored: every sequence up to the argument is
    /// in a segment file (and synced when <see cref="OutboxLogOptions.SyncInterval"/> is zero). A handler
    /// that throws is logged and does not stop the writer; a slow one delays the next batch.
    /// </summary>
    public event Action<long>? Stored;

    /// <summary>
    /// Raised on the writer thread when more records are synced to the disk (an fsync, or the close of
    /// their segment): every sequence up to the argument survives a power cut.
    /// </summary>
    public event Action<long>? Synced;

    /// <summary>The board's id, made on the first open and kept in the directory's <c>identity</c> file.</summary>
    public string BoardId { get; private set; } = string.Empty;

    /// <summary>Every record up to this sequence is stored (see <see cref="Stored"/>); readers stop here.</summary>
    public long StoredThrough => Volatile.Read(ref _storedThrough);

    /// <summary>Every record up to this sequence is synced (see <see cref="Synced"/>).</summary>
    public long SyncedThrough => Volatile.Read(ref _syncedThrough);

    /// <summary>The hub has every record up to this sequence; saved in the directory's <c>cursor</c> file.</summary>
    public long AckedThrough => Volatile.Read(ref _ackedThrough);

    /// <summary>The oldest record still kept; older ones were acknowledged and deleted, or discarded.</summary>
    public long FirstSequence => Volatile.Read(ref _firstSequence);

    /// <summary>
    /// Opens (and recovers) the log in <see cref="OutboxLogOptions.Directory"/>, creating it when missing,
    /// and starts the writer thread. Throws when the directory, identity or segments cannot be read at all.
    /// </summary>
    public static OutboxLog Open(OutboxLogOptions options, ServerLog log, IOutboxFiles? files = null, TimeProvider? time = null)
    {
        var outbox = new OutboxLog(options, log, files ?? OutboxFiles.Instance, time ?? TimeProvider.System);
        try
        {
            outbox.Recover();
        }
        catch
        {
            outbox.CloseActive();
            outbox.ReleaseBatches();
            throw;
        }

        outbox.SetClock();
        outbox._writer.Start();
        return outbox;
    }

    /// <summary>
    /// The hub has every record up to <paramref name="throughSequence"/>. Saved with the next sync;
    /// segments holding only acknowledged records are then deleted. A sequence at or below the current
    /// one changes nothing; one beyond the stored records is taken as <see cref="StoredThrough"/>.
    /// </summary>
    public void Acknowledge(long throughSequence)
    {
        var through = Math.Min(throughSequence, StoredThrough);
        var current = AckedThrough;
        while (through > current)
        {
            var seen = Interlocked.CompareExchange(ref _ackedThrough, through, current);
            if (seen == current)
            {
                Wake();
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// A reader from <paramref name="fromSequence"/>, or from the oldest record kept when that one is
    /// gone. With <paramref name="syncedOnly"/> it stops at <see cref="SyncedThrough"/> instead of
    /// <see cref="StoredThrough"/>: the forwarder sends only what a power cut cannot take back, since
    /// the sequence of a record lost that way is handed out again, and the hub would take the new
    /// record for the one it already has.
    /// </summary>
    public OutboxReader OpenReader(long fromSequence, bool syncedOnly = false) => new(this, _files, _log, Math.Max(1, fromSequence), syncedOnly);

    public OutboxStats Stats
    {
        get
        {
            long waitingBytes, lastSequence;
            OutboxStats counts;
            lock (_gate)
            {
                waitingBytes = _waitingBytes;
                lastSequence = _lastSequence;
                counts = new OutboxStats(
                    FirstSequence, _lastSequence, StoredThrough, AckedThrough, 0, 0, 0, _appended, _discardedOld, _refusedNew,
                    _refusedBusy, _refusedFailing, _refusedTooLarge, _writeErrors, _lastError, _lastErrorTime, Volatile.Read(ref _bytesWritten), Volatile.Read(ref _syncs));
            }

            var acked = AckedThrough;
            var first = FirstSequence;
            var pendingMessages = Math.Max(0, lastSequence - Math.Max(acked, first - 1));
            long pendingBytes = waitingBytes;
            long oldest = 0;
            lock (_segmentsGate)
            {
                if (_oldestPendingSegment is { } oldestSegment)
                {
                    oldest = _oldestPendingTimestamp;
                    var counting = false;
                    foreach (var segment in _segments)
                    {
                        counting |= segment == oldestSegment;
                        if (counting)
                        {
                            pendingBytes += segment.Bytes - (segment == oldestSegment ? _oldestPendingOffset : 0);
                        }
                    }
                }
            }

            return counts with { PendingMessages = pendingMessages, PendingBytes = pendingBytes, OldestPendingUnixNanos = oldest };
        }
    }

    /// <summary>Writes and syncs the records still in memory, saves the cursor, stops the writer and closes the files.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        _stopping = true;
        Wake();
        _writer.Join();

        // _wake is not disposed: the forwarder may still call Acknowledge, which sets it, while the
        // server shuts down, and an event nobody asked for a wait handle holds no OS resource.
    }

    /// <summary>The first segment holding <paramref name="sequence"/> or a later one, or null when none is stored yet.</summary>
    internal OutboxSegment? FindSegment(long sequence)
    {
        lock (_segmentsGate)
        {
            foreach (var segment in _segments)
            {
                if (segment.Count > 0 && segment.LastSequence >= sequence)
                {
                    return segment;
                }
            }

            return null;
        }
    }

    private static long SegmentSize(OutboxLogOptions options)
    {
        const long KiB = 1024, MiB = 1024 * KiB;

        // Recovery checks a segment whole in memory, hence the 64 MiB ceiling; 4 KiB is one flash page.
        if (options.SegmentBytes > 0)
        {
            return Math.Clamp(options.SegmentBytes, 4 * KiB, 64 * MiB);
        }

        // An eighth of MaxBytes: discarding the oldest segment then drops at most 1/8 of what is kept.
        // At least 64 KiB so a small limit does not mean a file per handful of records; at most 16 MiB
        // so acknowledged records do not linger on the card for long.
        return options.MaxBytes > 0 ? Math.Clamp(options.MaxBytes / 8, 64 * KiB, 16 * MiB) : 16 * MiB;
    }

    private void CloseActive()
    {
        _activeFile?.Dispose();
        _activeFile = null;
        _active = null;
    }

    private void ReleaseBatches()
    {
        _pending.Release();
        _writing.Release();
    }
}
