namespace Nats.Edge.Server.Links;

/// <summary>
/// How long a dialler waits before its next dial: <see cref="First"/> after a link that worked,
/// doubling with each failed dial in a row up to <see cref="Longest"/>. With a <see cref="Hold"/>, the
/// doubling pauses once it reaches that wait, for <see cref="HoldDials"/> dials, then goes on. Each
/// wait is drawn between <see cref="JitterLow"/> and <see cref="JitterHigh"/> times that, so servers
/// that lost a peer together do not come back to it in step.
/// </summary>
internal readonly record struct Backoff(TimeSpan First, TimeSpan Longest, double JitterLow, double JitterHigh, TimeSpan Hold = default, int HoldDials = 0)
{
    // 2^16 times any sensible first wait is past every ceiling; stopping there keeps the power finite.
    private const int MaxDoublings = 16;

    /// <summary>The wait after <paramref name="failures"/> failed dials in a row; <paramref name="draw"/> (0 to 1) places it within the jitter.</summary>
    public TimeSpan Delay(int failures, double draw)
    {
        var doublings = Math.Max(0, failures - 1);
        TimeSpan delay;
        if (Hold <= TimeSpan.Zero || doublings < DoublingsToHold())
        {
            delay = Doubled(First, doublings);
        }
        else
        {
            var past = doublings - DoublingsToHold() - HoldDials;
            delay = past < 0 ? Hold : Doubled(Hold, past + 1);
        }

        if (delay > Longest)
        {
            delay = Longest;
        }

        return delay * (JitterLow + (draw * (JitterHigh - JitterLow)));
    }

    private static TimeSpan Doubled(TimeSpan wait, int doublings) => wait * Math.Pow(2, Math.Min(doublings, MaxDoublings));

    // How many doublings of First reach the hold.
    private int DoublingsToHold()
    {
        var doublings = 0;
        for (var delay = First; delay < Hold && doublings < MaxDoublings; delay *= 2)
        {
            doublings++;
        }

        return doublings;
    }
}
