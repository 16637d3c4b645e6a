using System.Globalization;

namespace Nats.Edge.Server.Configuration;

/// <summary>
/// Durations written as Go's <c>time.Duration</c> prints them (<c>500ms</c>, <c>30s</c>, <c>2m0s</c>,
/// <c>1h30m0s</c>), because log lines and monitoring fields that tools parse carry that shape.
/// </summary>
public static class GoDuration
{
    /// <summary>The Go spelling of <paramref name="duration"/>, to the tick (100 ns).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = duration < TimeSpan.Zero ? "-" : string.Empty;
        var ticks = Math.Abs(duration.Ticks);
        if (ticks < TimeSpan.TicksPerSecond)
        {
            return ticks < TimeSpan.TicksPerMicrosecond
                ? sign + Fraction(ticks * 100, 1, "ns")
                : ticks < TimeSpan.TicksPerMillisecond
                    ? sign + Fraction(ticks * 100, 1000, "µs")
                    : sign + Fraction(ticks * 100, 1_000_000, "ms");
        }

        var hours = ticks / TimeSpan.TicksPerHour;
        var minutes = ticks / TimeSpan.TicksPerMinute % 60;
        var seconds = Fraction(ticks % TimeSpan.TicksPerMinute * 100, 1_000_000_000, "s");
        return hours > 0 ? $"{sign}{hours}h{minutes}m{seconds}"
            : minutes > 0 ? $"{sign}{minutes}m{seconds}"
            : sign + seconds;
    }

    // nanoseconds / unit, with the fraction's trailing zeros dropped (1.5s, not 1.500000000s).
    private static string Fraction(long nanoseconds, long unit, string suffix)
    {
        var whole = nanoseconds / unit;
        var rest = nanoseconds % unit;
        if (rest == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture) + suffix;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        var fraction = rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return $"{whole}.{fraction}{suffix}";
    }
}
