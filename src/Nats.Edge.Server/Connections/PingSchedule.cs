using System.Diagnostics;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// When a connection owes its peer the next PING: a first one after a short delay (to learn the
/// round trip), then one every ping interval. Set from the receive loop, read by the server's
/// timer, hence the volatile time.
/// </summary>
internal sealed class PingSchedule
{
    private long _next;
    private volatile bool _firstDue;

    /// <summary>
    /// The next PING after <paramref name="delay"/>, plus up to a fifth of it as jitter when
    /// <paramref name="jitter"/> is set. With <paramref name="measure"/> it goes even to a peer
    /// heard from lately, because it is there to measure the round trip.
    /// </summary>
    public void StartAfter(TimeSpan delay, bool jitter = false, bool measure = true)
    {
        var ticks = (long)(delay.TotalSeconds * Stopwatch.Frequency);
        var spread = jitter ? Random.Shared.NextInt64(Math.Max(1, ticks / 5)) : 0;
        Volatile.Write(ref _next, Stopwatch.GetTimestamp() + ticks + spread);
        _firstDue = measure;
    }

    /// <summary>
    /// True when a PING is owed at <paramref name="now"/>, and the next one is then an interval
    /// away. With <paramref name="lastReceived"/> given, a peer heard from within the interval is
    /// evidently alive and is spared the PING, except the first one.
    /// </summary>
    public bool IsDue(long now, TimeSpan interval, long lastReceived = 0)
    {
        if (interval <= TimeSpan.Zero || now < Volatile.Read(ref _next))
        {
            return false;
        }

        Volatile.Write(ref _next, now + (long)(interval.TotalSeconds * Stopwatch.Frequency));
        if (!_firstDue && lastReceived != 0 && Stopwatch.GetElapsedTime(lastReceived, now) < interval)
        {
            return false;
        }

        _firstDue = false;
        return true;
    }
}
