namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Lets one log line of a kind through per minute, from any thread: a stalled disk refuses thousands
/// of records a second and one line says as much as all of them.
/// </summary>
internal sealed class OutboxThrottle(TimeProvider time)
{
    private static readonly long Interval = TimeSpan.FromMinutes(1).Ticks;

    private long _nextTicks = long.MinValue;

    /// <summary>True for the first caller once the minute since the last line has passed.</summary>
    public bool TryTake()
    {
        var now = time.GetUtcNow().UtcTicks;
        var next = Volatile.Read(ref _nextTicks);
        return now >= next && Interlocked.CompareExchange(ref _nextTicks, now + Interval, next) == next;
    }
}
