using System.Buffers.Text;
using System.Diagnostics;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Sends a remote's outbox log up its uplink, in order, while the link is up, and moves the log's
/// durable cursor only past what the hub has: records its stream acknowledged (or, with
/// <c>"ack": "none"</c>, records sent before a PING the hub answered).
/// Up to <c>max_in_flight</c> records are out at once. A record not acknowledged within
/// <c>ack_wait</c>, or refused by the stream, is sent again with everything after it; the stream's
/// duplicate window drops what it already had, and after a reconnect the stream is first asked how far
/// it got (<see cref="OutboxResync"/>), so even an outage longer than that window duplicates nothing.
/// </summary>
internal sealed partial class OutboxForwarder : IDisposable
{
    private readonly OutboxOptions _options;
    private readonly OutboxLog _log;
    private readonly ServerLog _serverLog;
    private readonly string _remoteName;
    private readonly OutboxFrame _frame;
    private readonly OutboxResync _resync;
    private readonly InProcessSubscription _answers;
    private readonly byte[] _ackPrefix;
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly DeliveryBatch _batch = new(source: null);
    private readonly Lock _sync = new();

    // Which of the records out are acknowledged, and when each went, by sequence modulo the window.
    private readonly bool[] _answered;
    private readonly long[] _sentAt;
    private readonly Queue<(long Ping, long Through)> _pings = new();

    private Task _running = Task.CompletedTask;
    private long _acked;
    private long _sent;
    private long _rewindAt;
    private string? _refusal;
    private long _forwarded;
    private long _resent;
    private bool _draining;
    private LeafConnection? _link;
    private long _rateStart = Stopwatch.GetTimestamp();
    private long _rateCount;
    private double _rate;

    public OutboxForwarder(InProcessClient client, OutboxOptions options, OutboxLog log, ServerLog serverLog, string remoteName)
    {
        _options = options;
        _log = log;
        _serverLog = serverLog;
        _remoteName = remoteName;
        _frame = new OutboxFrame(log.BoardId);
        _answered = new bool[options.MaxInFlight];
        _sentAt = new long[options.MaxInFlight];
        // The hub answers on the board's own inbox; the uplink hears of it like any local interest.
        var inbox = $"_INBOX.{log.BoardId}";
        _ackPrefix = Encoding.ASCII.GetBytes($"{inbox}.a.");
        _resync = new OutboxResync(options, inbox, log.BoardId, serverLog);
        _answers = client.Subscribe($"{inbox}.>", queue: null, OnAnswer);
    }

    /// <summary>Records the hub acknowledged, in all.</summary>
    public long Forwarded => Volatile.Read(ref _forwarded);

    /// <summary>Whether an uplink is up for the forwarder to send on.</summary>
    public bool IsLinked => Volatile.Read(ref _link) is { IsClosing: false };

    /// <summary>Records acknowledged per second over the last full second; 0 once acks stop.</summary>
    public double ForwardRate
    {
        get
        {
            lock (_sync)
            {
                return Stopwatch.GetElapsedTime(_rateStart) > TimeSpan.FromSeconds(2) ? 0 : _rate;
            }
        }
    }

    /// <summary>Records sent again after a timeout or a refusal.</summary>
    public long Resent => Volatile.Read(ref _resent);

    /// <summary>The stream's or the link's last complaint, for monitoring; null while all goes well.</summary>
    public string? LastError => Volatile.Read(ref _refusal) ?? _resync.LastError;

    /// <summary>Starts forwarding over a link that just became ready; runs until it closes.</summary>
    public void Start(LeafConnection link)
    {
        lock (_sync)
        {
            // The previous link's loop sees its link closed at its next wake; this one starts after it.
            _link = link;
            var previous = _running;
            _running = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                await RunAsync(link).ConfigureAwait(false);
            });
        }

        Wake();
    }

    /// <summary>New records are stored, an answer came, or the link changed: the loop looks again.</summary>
    public void Wake()
    {
        // One pending wake is enough: the loop looks at everything when it runs.
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public void Dispose()
    {
        _answers.Dispose();
        Wake();
    }

    private async Task RunAsync(LeafConnection link)
    {
        try
        {
            if (_options.Ack == OutboxAck.Stream)
            {
                await _resync.CatchUpAsync(link, _log).ConfigureAwait(false);
            }

            Reset();
            var backlog = _log.Stats.LastSequence - _acked;
            _draining = backlog > 0;
            if (_draining)
            {
                _serverLog.Info($"Outbox of leafnode remote {_remoteName}: sending a backlog of {backlog} messages to the hub");
            }

            var reader = _log.OpenReader(_acked + 1, syncedOnly: true);
            try
            {
                while (!link.IsClosing)
                {
                    if (RewindIfDue())
                    {
                        reader.Dispose();
                        reader = _log.OpenReader(_acked + 1, syncedOnly: true);
                    }

                    reader = Send(link, reader);
                    NoteDraining();
                    await _wake.WaitAsync(WaitLimit()).ConfigureAwait(false);
                }
            }
            finally
            {
                reader.Dispose();
            }
        }
#pragma warning disable CA1031 // One failed link must not end the forwarding for the next one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // A link that went away mid-request needs no word: the next one starts over from the cursor.
            if (!link.IsClosing)
            {
                _serverLog.Error($"Outbox of leafnode remote {_remoteName}: forwarding stopped: {ex.Message}");
                link.Close(CloseReason.ServerShutdown);
            }
        }
    }

    // The window starts empty at the durable cursor: the hub keeps nothing of a previous link's sends.
    private void Reset()
    {
        lock (_sync)
        {
            _acked = _log.AckedThrough;
            _sent = _acked;
            _rewindAt = 0;
            Array.Clear(_answered);
            _pings.Clear();
        }
    }

    // Sends what is stored, as far as the window allows. A gap in the sequences (records the log
    // dropped) needs the window to cover it, so it waits, behind a reopened reader, for the acks.
    private OutboxReader Send(LeafConnection link, OutboxReader reader)
    {
        var any = false;
        while (!link.IsClosing && HasRoom() && reader.TryRead(out var record))
        {
            lock (_sync)
            {
                if (record.Sequence - _acked > _answered.Length)
                {
                    if (_acked != _sent)
                    {
                        break;
                    }

                    // Nothing is out and the records before this one are gone: the cursor moves past them.
                    _acked = _sent = record.Sequence - 1;
                }

                for (var skipped = _sent + 1; skipped < record.Sequence; skipped++)
                {
                    _answered[skipped % _answered.Length] = true;
                }

                _sent = record.Sequence;
                _answered[_sent % _answered.Length] = false;
                _sentAt[_sent % _answered.Length] = Stopwatch.GetTimestamp();
            }

            Write(link, record);
            any = true;
        }

        if (any)
        {
            if (_options.Ack == OutboxAck.None)
            {
                var ping = link.SendPing(Stopwatch.GetTimestamp());
                lock (_sync)
                {
                    _pings.Enqueue((ping, _sent));
                }
            }

            _batch.Flush();
        }

        if (!any || HasRoom())
        {
            return reader;
        }

        // The window filled up mid-gap: read again from the first record not yet sent.
        reader.Dispose();
        return _log.OpenReader(Volatile.Read(ref _sent) + 1, syncedOnly: true);
    }

    private bool HasRoom()
    {
        lock (_sync)
        {
            return _sent - _acked < _answered.Length;
        }
    }

    private void Write(LeafConnection link, in OutboxRecord record)
    {
        _frame.Build(record);
        Span<byte> reply = stackalloc byte[_ackPrefix.Length + 20];
        var replyLength = 0;
        if (_options.Ack == OutboxAck.Stream)
        {
            _ackPrefix.CopyTo(reply);
            Utf8Formatter.TryFormat(record.Sequence, reply[_ackPrefix.Length..], out var digits);
            replyLength = _ackPrefix.Length + digits;
        }

        var message = new InboundMessage(record.Subject, reply[..replyLength], _frame.SizeTokens, _frame.HeaderSize, _frame.Data);
        link.WriteMessage(message, [], _batch);
    }

    // On the uplink's receive loop: the stream's ack for `<inbox>.a.<seq>`.
    private void OnAnswer(in InProcessMessage message)
    {
        if (!message.Subject.StartsWith(_ackPrefix))
        {
            _resync.OnAnswer(message);
            return;
        }

        if (!Utf8Parser.TryParse(message.Subject[_ackPrefix.Length..], out long sequence, out _))
        {
            return;
        }

        var ack = StreamAck.Read(message.Payload);
        lock (_sync)
        {
            if (sequence <= _acked || sequence > _sent)
            {
                return;
            }

            if (!ack.Stored)
            {
                // Everything from here on goes again once ack_wait has passed; the stream may have room by then.
                _refusal = ack.Error;
                var due = Stopwatch.GetTimestamp() + (long)(_options.AckWait.TotalSeconds * Stopwatch.Frequency);
                _rewindAt = _rewindAt == 0 ? due : Math.Min(_rewindAt, due);
                return;
            }

            _answered[sequence % _answered.Length] = true;
        }

        Advance();
    }

    // On the uplink's receive loop: PONGs move an "ack": "none" outbox past what preceded their PING.
    public void OnPong(LeafConnection link)
    {
        var received = link.PongsReceived;
        lock (_sync)
        {
            while (_pings.TryPeek(out var ping) && ping.Ping <= received)
            {
                _pings.Dequeue();
                for (var sequence = _acked + 1; sequence <= ping.Through; sequence++)
                {
                    _answered[sequence % _answered.Length] = true;
                }
            }
        }

        Advance();
    }

    // The cursor moves over every answered record in a row, durably once the log syncs.
    private void Advance()
    {
        long acked;
        long moved;
        lock (_sync)
        {
            var before = _acked;
            while (_acked < _sent && _answered[(_acked + 1) % _answered.Length])
            {
                _acked++;
            }

            acked = _acked;
            moved = acked - before;
            CountRate(moved);
            if (moved > 0 && _rewindAt == 0)
            {
                _refusal = null;
            }
        }

        if (moved > 0)
        {
            Interlocked.Add(ref _forwarded, moved);
            _log.Acknowledge(acked);
            Wake();
        }
    }

    private void CountRate(long moved)
    {
        _rateCount += moved;
        var elapsed = Stopwatch.GetElapsedTime(_rateStart);
        if (elapsed >= TimeSpan.FromSeconds(1))
        {
            _rate = _rateCount / elapsed.TotalSeconds;
            _rateCount = 0;
            _rateStart = Stopwatch.GetTimestamp();
        }
    }

    // After a refusal, or when the oldest record out waited longer than ack_wait: from the cursor again.
    private bool RewindIfDue()
    {
        lock (_sync)
        {
            var now = Stopwatch.GetTimestamp();
            var oldestDue = _sent > _acked
                && Stopwatch.GetElapsedTime(_sentAt[(_acked + 1) % _answered.Length], now) > _options.AckWait;
            if (!oldestDue && (_rewindAt == 0 || now < _rewindAt))
            {
                return false;
            }

            Interlocked.Add(ref _resent, _sent - _acked);
            _sent = _acked;
            _rewindAt = 0;
            _pings.Clear();
            return true;
        }
    }

    // Long enough to notice an ack_wait lapse or a due rewind, short enough to see the link close.
    private TimeSpan WaitLimit()
    {
        var limit = _options.AckWait / 4;
        return limit < TimeSpan.FromSeconds(1) ? limit : TimeSpan.FromSeconds(1);
    }

    // Says when the backlog a link found waiting is all with the hub.
    private void NoteDraining()
    {
        var backlog = _log.Stats.LastSequence - Volatile.Read(ref _acked);
        if (_draining && backlog == 0)
        {
            _draining = false;
            _serverLog.Info($"Outbox of leafnode remote {_remoteName}: backlog sent, the hub has every message");
        }
    }
}
