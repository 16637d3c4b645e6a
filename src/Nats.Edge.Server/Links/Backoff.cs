namespace Nats.Edge.Server.Links;

/// <summary>
/// How long a dialler waits before its next dial: <see cref="First"/> after a link that worked,
/// doubling with each failed dial in a row up to <see cref="Longest"/>. Each wait is drawn between
/// <see cref="JitterLow"/> and <see cref="JitterHigh"/> times that, so servers that lost a peer
/// together do not come back to it in step.
/// </summary>
internal readonly record struct Backoff(TimeSpan First, TimeSpan Longest, double JitterLow, double JitterHigh)
{
    // 2^16 times any sensible first wait is past every ceiling; stopping there keeps the power finite.
    private const int MaxDoublings = 16;

    /// <summary>The wait after <paramref name="failures"/> failed dials in a row; <paramref name="draw"/> (0 to 1) places it within the jitter.</summary>
    public TimeSpan Delay(int failures, double draw)
    {
        var delay = First * Math.Pow(2, Math.Min(Math.Max(0, failures - 1), MaxDoublings));
        if (delay > Longest)
        {
            delay = Longest;
        }

        return delay * (JitterLow + (draw * (JitterHigh - JitterLow)));
    }
}
