using System.Globalization;

namespace Nats.Edge.Server.Logging;

/// <summary>
/// nats-server's line shape, <c>[pid] 2006/01/02 15:04:05.000000 [INF] text</c>, or without the time
/// (<c>logtime: false</c>): test harnesses and log shippers written for nats-server parse exactly that.
/// </summary>
public static class LogLine
{
    private static readonly string PidPrefix = "[" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "] ";

    /// <summary>The whole line, without the line break.</summary>
    public static string Format(LogLevel level, string text, bool timestamps = true, bool utc = false)
    {
        if (!timestamps)
        {
            return string.Concat(PidPrefix, Label(level), text);
        }

        var now = utc ? DateTime.UtcNow : DateTime.Now;
        return string.Concat(PidPrefix, now.ToString("yyyy/MM/dd HH:mm:ss.ffffff ", CultureInfo.InvariantCulture), Label(level), text);
    }

    /// <summary>The level as nats-server writes it: <c>[INF] </c>, <c>[DBG] </c>…</summary>
    public static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "[TRC] ",
        LogLevel.Debug => "[DBG] ",
        LogLevel.Info => "[INF] ",
        LogLevel.Warning => "[WRN] ",
        LogLevel.Error => "[ERR] ",
        _ => "[FTL] ",
    };
}
