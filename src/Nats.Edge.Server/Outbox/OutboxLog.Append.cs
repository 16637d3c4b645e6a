using System.Runtime.CompilerServices;

namespace Nats.Edge.Server.Outbox;

internal sealed partial class OutboxLog
{
    private static readonly long UnixEpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    // Guards what Append changes: the batch being filled, the sequence, the totals the limits test, the counters.
    private readonly Lock _gate = new();
    private readonly OutboxThrottle _busyLog;
    private readonly OutboxThrottle _limitLog;
    private readonly OutboxThrottle _failingLog;
    private readonly OutboxThrottle _tooLargeLog;

    private OutboxBatch _pending = new();
    private long _lastSequence;

    // Records taken and not dropped, on disk or in memory: what MaxMessages and MaxBytes bound.
    private long _keptMessages;
    private long _keptBytes;

    // Bytes taken and not yet in a file: the pending batch and what the writer holds.
    private long _waitingBytes;
    private bool _failing;
    private bool _closed;
    private bool _refusedForLimit;

    private long _appended;
    private long _refusedNew;
    private long _refusedBusy;
    private long _refusedFailing;
    private long _refusedTooLarge;

    // The system clock's offset from Environment.TickCount64, in nanoseconds, set again by every
    // writer cycle so the two never drift apart.
    private long _clockOffset;

    /// <summary>
    /// Takes one record: copies it into memory, gives it the next sequence and wakes the writer. Never
    /// touches the disk, never throws, and allocates nothing once the batch buffers have grown to the
    /// traffic. Returns the sequence, or 0 with <paramref name="refusal"/> saying why the record was not taken.
    /// </summary>
    public long Append(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> headers, in ReadOnlySequence<byte> payload, out OutboxRefusal refusal)
    {
        var size = OutboxRecordFormat.SizeOf(subject.Length, headers.Length, payload.Length);
        var timestamp = NowUnixNanos();
        long sequence;

        // The copy is made under the lock: a sensor reading is tens of bytes, and the record must hold
        // its sequence, which is only known here.
        lock (_gate)
        {
            refusal = Admit(size);
            if (refusal != OutboxRefusal.None)
            {
                sequence = 0;
            }
            else
            {
                sequence = ++_lastSequence;
                // Unsealed: the writer thread computes the checksum, off the read loop and out of this lock.
                OutboxRecordFormat.Write(_pending.Reserve((int)size), sequence, timestamp, subject, headers, payload, seal: false);
                _waitingBytes += size;
                _keptMessages++;
                _keptBytes += size;
                _appended++;
            }
        }

        if (sequence == 0)
        {
            ReportRefusal(refusal);
            return 0;
        }

        Wake();
        return sequence;
    }

    // Under _gate: counts and returns the reason the record cannot be taken, or None.
    private OutboxRefusal Admit(long size)
    {
        if (_closed)
        {
            return OutboxRefusal.Closed;
        }

        if (size > _maxWaitingBytes)
        {
            _refusedTooLarge++;
            return OutboxRefusal.TooLarge;
        }

        if (_failing)
        {
            _refusedFailing++;
            return OutboxRefusal.Failing;
        }

        if (_waitingBytes + size > _maxWaitingBytes)
        {
            _refusedBusy++;
            return OutboxRefusal.Busy;
        }

        if (_options.Discard == OutboxDiscard.New && OverLimit(_keptMessages + 1, _keptBytes + size))
        {
            _refusedNew++;
            _refusedForLimit = true;
            return OutboxRefusal.LimitReached;
        }

        return OutboxRefusal.None;
    }

    private bool OverLimit(long messages, long bytes) =>
        (_options.MaxMessages >= 0 && messages > _options.MaxMessages) || (_options.MaxBytes >= 0 && bytes > _options.MaxBytes);

    // Off the hot path: a refusal means the outbox is in trouble, and at most one line a minute says so.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReportRefusal(OutboxRefusal refusal)
    {
        switch (refusal)
        {
            case OutboxRefusal.LimitReached when _limitLog.TryTake():
                _log.Warn($"Outbox limit reached (max_msgs {_options.MaxMessages}, max_bytes {_options.MaxBytes}): new records refused, {Stats.RefusedNew} so far");
                break;
            case OutboxRefusal.Busy when _busyLog.TryTake():
                _log.Warn($"Outbox disk is not keeping up: {_maxWaitingBytes} bytes wait to be written, new records refused, {Stats.RefusedBusy} so far");
                break;
            case OutboxRefusal.Failing when _failingLog.TryTake():
                _log.Error($"Outbox writes are failing ({Stats.LastError}): new records refused, {Stats.RefusedFailing} so far");
                break;
            case OutboxRefusal.TooLarge when _tooLargeLog.TryTake():
                _log.Warn($"Outbox record larger than {_maxWaitingBytes} bytes refused, {Stats.RefusedTooLarge} so far");
                break;
        }
    }

    // A record's time to the millisecond or so: reading the system clock for every message was a
    // third of the capture path's cost, the coarse tick count is nearly free. A test's own clock is
    // read as it is.
    private long NowUnixNanos() =>
        ReferenceEquals(_time, TimeProvider.System)
            ? Volatile.Read(ref _clockOffset) + (Environment.TickCount64 * 1_000_000)
            : (_time.GetUtcNow().UtcTicks - UnixEpochTicks) * 100;

    private void SetClock() =>
        Volatile.Write(ref _clockOffset, ((_time.GetUtcNow().UtcTicks - UnixEpochTicks) * 100) - (Environment.TickCount64 * 1_000_000));
}
