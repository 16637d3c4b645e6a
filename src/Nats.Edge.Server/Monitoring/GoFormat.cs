using System.Globalization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// The text forms nats-server's monitoring JSON uses for times, so dashboards and scripts written
/// for it read ours: RFC 3339 timestamps and its compact uptime (Go durations: <see cref="Configuration.GoDuration"/>).
/// </summary>
internal static class GoFormat
{
    /// <summary>UTC, fraction without trailing zeros, as Go's <c>time.RFC3339Nano</c>: <c>2024-05-01T12:00:00.1234567Z</c>.</summary>
    public static string Timestamp(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

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

    /// <summary>A TLS session's version as Go's crypto/tls names it ("1.2", "1.3"); null without TLS.</summary>
    public static string? TlsVersion(System.Net.Security.SslStream? tls) => tls?.SslProtocol switch
    {
        null => null,
        System.Security.Authentication.SslProtocols.Tls12 => "1.2",
        System.Security.Authentication.SslProtocols.Tls13 => "1.3",
        var other => other.ToString(),
    };
}
