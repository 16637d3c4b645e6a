using System.Diagnostics;

namespace Nats.Edge.Server.Connections;

/// <summary>What monitoring reports about a connection: traffic both ways, round trip, activity.</summary>
internal abstract partial class Connection
{
    // Written by the receive loop alone; monitoring reads them from another thread.
    private long _inMessages;
    private long _inBytes;
    private long _rttTicks;

    // Set by the timer when a PING goes out, taken by the receive loop when the PONG comes.
    private long _pingSent;

    // Counted up by the timer per PING, cleared by the receive loop when a PONG comes.
    private int _pingsOutstanding;

    // Every PING queued and every PONG received, numbered alike: PONGs answer PINGs in order, so the
    // PONG numbered n says the far side has read all that was queued before PING n.
    private readonly Lock _pingOrder = new();
    private long _pingsQueued;
    private long _pongsReceived;

    /// <summary>Messages the far side sent us (nats-server's <c>in_msgs</c>).</summary>
    public long InMessages => Volatile.Read(ref _inMessages);

    /// <summary>Payload bytes of those messages, headers included (<c>in_bytes</c>).</summary>
    public long InBytes => Volatile.Read(ref _inBytes);

    /// <summary>The last measured round trip; zero until one was measured.</summary>
    public TimeSpan Rtt => TimeSpan.FromTicks(Volatile.Read(ref _rttTicks));

    /// <summary>The TLS session once the handshake is done; null on a plain connection.</summary>
    public System.Net.Security.SslStream? TlsStream => Transport.TlsStream;

    /// <summary>Time of the last read that brought data, or of the accept when nothing came yet.</summary>
    public long LastActivity => LastReceived == 0 ? Started : LastReceived;

    /// <summary>Counts one message received; called on the receive loop only.</summary>
    protected void CountInbound(long payloadBytes)
    {
        _inMessages++;
        _inBytes += payloadBytes;
    }

    /// <summary>The PONG every PING gets, clients', leafs' and routes' alike.</summary>
    public void OnPing() => Enqueue("PONG\r\n"u8, Batch);

    /// <summary>A PONG came: nothing is outstanding any more, and it gives the round trip.</summary>
    public void OnPong()
    {
        Volatile.Write(ref _pingsOutstanding, 0);
        Interlocked.Increment(ref _pongsReceived);
        MeasureRtt();
        PongArrived();
    }

    /// <summary>Called on the receive loop after each PONG, for whoever waits on <see cref="SendPing"/>'s number.</summary>
    protected virtual void PongArrived()
    {
    }

    /// <summary>
    /// The PING the timer owes, unless more than <c>max_pings_out</c> went unanswered: then the
    /// connection is closed as stale, as nats-server does. When a PING is owed is each subclass's own.
    /// </summary>
    protected void PingOrCloseStale(long now)
    {
        if (Interlocked.Increment(ref _pingsOutstanding) > Server.Options.MaxPingsOutstanding)
        {
            CloseWithError(ProtocolErrors.StaleConnection, CloseReason.StaleConnection);
            return;
        }

        SendPing(now);
    }

    /// <summary>PONGs received so far; see <see cref="SendPing"/>.</summary>
    public long PongsReceived => Interlocked.Read(ref _pongsReceived);

    /// <summary>
    /// Queues a PING and notes when, so the PONG gives the round trip. Returns the PING's number: once
    /// <see cref="PongsReceived"/> reaches it, the far side has read everything queued before it.
    /// </summary>
    public long SendPing(long now)
    {
        // With a PING already unanswered the PONG to come answers that one, so keep its time.
        Interlocked.CompareExchange(ref _pingSent, now, 0);
        long number;
        lock (_pingOrder)
        {
            Outbound.Append("PING\r\n"u8);
            number = ++_pingsQueued;
        }

        SignalSend();
        return number;
    }

    /// <summary>A PONG came: it answers the oldest unanswered PING.</summary>
    protected void MeasureRtt()
    {
        var sent = Interlocked.Exchange(ref _pingSent, 0);
        if (sent != 0)
        {
            NoteRtt(Stopwatch.GetElapsedTime(sent));
        }
    }

    /// <summary>
    /// A first estimate before any PING: the time from accepting the connection to its CONNECT,
    /// which spans the INFO's trip there and the CONNECT's trip back, as nats-server estimates it.
    /// </summary>
    protected void EstimateRttFromConnect()
    {
        if (Volatile.Read(ref _rttTicks) == 0)
        {
            NoteRtt(Stopwatch.GetElapsedTime(Started));
        }
    }

    private void NoteRtt(TimeSpan rtt) => Volatile.Write(ref _rttTicks, Math.Max(rtt.Ticks, 1));
}
