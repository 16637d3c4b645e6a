namespace Nats.Edge.Server.Outbox;

internal sealed partial class OutboxLog
{
    private readonly OutboxThrottle _discardLog;
    private long _discardedOld;
    private long _discardedSinceLine;

    // Where the oldest unacknowledged stored record lies, for Stats; guarded by _segmentsGate.
    private OutboxSegment? _oldestPendingSegment;
    private long _oldestPendingOffset;
    private long _oldestPendingTimestamp;
    private long _oldestPendingSequence;
    private OutboxReader? _oldestScanner;

    // Drops the oldest segment while it is acknowledged, over a limit with discard old, or past MaxAge.
    // Whole segments are the unit (they are small next to the limits, see SegmentSize), and each
    // unacknowledged record dropped is counted, so the loss is exact even though the cut is coarse.
    private void EnforceLimits(DateTimeOffset now)
    {
        var acked = AckedThrough;
        var ageCutoff = _options.MaxAge > TimeSpan.Zero ? (now - _options.MaxAge - DateTimeOffset.UnixEpoch).Ticks * 100 : long.MinValue;
        while (_segments.Count > 0)
        {
            var oldest = _segments[0];
            if (!ShouldDrop(oldest, acked, ageCutoff))
            {
                break;
            }

            if (oldest == _active)
            {
                try
                {
                    Roll();
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    Failed("syncing", error, stopsWrites: true);
                    break;
                }
            }

            Drop(oldest, acked);
        }

        ReportDiscards();
    }

    private bool ShouldDrop(OutboxSegment oldest, long acked, long ageCutoff)
    {
        if (oldest.Count == 0)
        {
            return false;
        }

        bool over;
        lock (_gate)
        {
            over = OverLimit(_keptMessages, _keptBytes);
        }

        if (oldest.LastSequence <= acked)
        {
            // The active segment is only closed early when that is worth a new file: it has grown, or
            // discard new is refusing records that its deletion would make room for.
            return oldest != _active || oldest.Bytes >= _segmentBytes / 4 || (_options.Discard == OutboxDiscard.New && (over || TakeRefusedForLimit()));
        }

        return (_options.Discard == OutboxDiscard.Old && over) || oldest.LastTimestamp < ageCutoff;
    }

    private bool TakeRefusedForLimit()
    {
        lock (_gate)
        {
            var refused = _refusedForLimit;
            _refusedForLimit = false;
            return refused;
        }
    }

    private void Drop(OutboxSegment segment, long acked)
    {
        var unacked = Math.Clamp(segment.LastSequence - Math.Max(acked, segment.FirstSequence - 1), 0, segment.Count);
        lock (_segmentsGate)
        {
            _segments.RemoveAt(0);
            Volatile.Write(ref _firstSequence, _segments.Count > 0 ? _segments[0].FirstSequence : Math.Max(segment.LastSequence, _writtenThrough) + 1);
            if (_oldestPendingSegment == segment)
            {
                _oldestPendingSegment = null;
            }
        }

        lock (_gate)
        {
            _keptMessages -= segment.Count;
            _keptBytes -= segment.Bytes;
            _discardedOld += unacked;
        }

        _discardedSinceLine += unacked;
        try
        {
            _files.Delete(segment.Path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Failed("deleting a segment", error, stopsWrites: false);
        }
    }

    private void ReportDiscards()
    {
        if (_discardedSinceLine > 0 && _discardLog.TryTake())
        {
            _log.Warn($"Outbox dropped {_discardedSinceLine} unacknowledged records, oldest first, to stay within its limits ({Stats.DiscardedOld} so far)");
            _discardedSinceLine = 0;
        }
    }

    // Follows the oldest unacknowledged record with a reader of the writer's own: acknowledgements only
    // move forward, so each record is passed over once, and Stats can tell its age and the bytes after it.
    private void RefreshOldestPending()
    {
        var target = Math.Max(AckedThrough + 1, FirstSequence);
        if (_oldestPendingSegment is not null && _oldestPendingSequence >= target)
        {
            return;
        }

        _oldestScanner ??= OpenReader(target);
        _oldestScanner.SkipTo(target);
        OutboxSegment? segment = null;
        long offset = 0, timestamp = 0, sequence = 0;
        if (_oldestScanner.TryRead(out var record))
        {
            segment = _oldestScanner.Segment;
            offset = _oldestScanner.RecordOffset;
            timestamp = record.TimestampUnixNanos;
            sequence = record.Sequence;
        }

        lock (_segmentsGate)
        {
            _oldestPendingSegment = segment;
            _oldestPendingOffset = offset;
            _oldestPendingTimestamp = timestamp;
            _oldestPendingSequence = sequence;
        }
    }
}
