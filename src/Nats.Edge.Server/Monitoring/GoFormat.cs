using System.Globalization;
using System.Text;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// The text forms nats-server's monitoring JSON uses for times, so dashboards and scripts written
/// for it read ours: RFC 3339 timestamps, Go duration strings, and its compact uptime.
/// </summary>
internal static class GoFormat
{
    private const long NanosPerMicro = 1_000;
    private const long NanosPerMilli = 1_000_000;
    private const long NanosPerSecond = 1_000_000_000;
    private const long NanosPerMinute = 60 * NanosPerSecond;
    private const long NanosPerHour = 60 * NanosPerMinute;

    /// <summary>UTC, fraction without trailing zeros, as Go's <c>time.RFC3339Nano</c>: <c>2024-05-01T12:00:00.1234567Z</c>.</summary>
    public static string Timestamp(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>time.Duration.String()</c>: <c>0s</c>, <c>850ns</c>, <c>284µs</c>, <c>1.5ms</c>, <c>2m3.5s</c>, <c>1h0m0s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var nanos = value.Ticks * 100;
        if (nanos == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (nanos < 0)
        {
            text.Append('-');
            nanos = -nanos;
        }

        if (nanos < NanosPerMicro)
        {
            return text.Append(nanos).Append("ns").ToString();
        }

        if (nanos < NanosPerMilli)
        {
            return AppendDecimal(text, nanos, NanosPerMicro, 3).Append("µs").ToString();
        }

        if (nanos < NanosPerSecond)
        {
            return AppendDecimal(text, nanos, NanosPerMilli, 6).Append("ms").ToString();
        }

        var hours = nanos / NanosPerHour;
        var minutes = nanos % NanosPerHour / NanosPerMinute;
        if (hours > 0)
        {
            text.Append(hours).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes).Append('m');
        }

        return AppendDecimal(text, nanos % NanosPerMinute, NanosPerSecond, 9).Append('s').ToString();
    }

    /// <summary>
    /// nats-server's uptime and idle form: whole seconds, with only the units that are reached,
    /// <c>0s</c>, <c>3m5s</c>, <c>1h2m3s</c>, <c>2d4h0m1s</c>, <c>1y2d0h0m0s</c> (a year is 365 days).
    /// </summary>
    public static string Uptime(TimeSpan value)
    {
        var seconds = Math.Max(0, (long)value.TotalSeconds);
        var minutes = seconds / 60;
        var hours = minutes / 60;
        var days = hours / 24;
        var years = days / 365;
        var text = new StringBuilder();
        if (years > 0)
        {
            text.Append(years).Append('y');
        }

        if (days > 0)
        {
            text.Append(days % 365).Append('d');
        }

        if (hours > 0)
        {
            text.Append(hours % 24).Append('h');
        }

        if (minutes > 0)
        {
            text.Append(minutes % 60).Append('m');
        }

        return text.Append(seconds % 60).Append('s').ToString();
    }

    // Whole units, then the fraction with as many digits as the unit has and trailing zeros dropped.
    private static StringBuilder AppendDecimal(StringBuilder text, long value, long unit, int digits)
    {
        text.Append(value / unit);
        var fraction = value % unit;
        if (fraction == 0)
        {
            return text;
        }

        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
        return text.Append('.').Append(fractionText);
    }
}
