using System.Globalization;

namespace Nats.Edge.Server.Logging;

/// <summary>
/// Writes log lines in nats-server's format, <c>[pid] 2006/01/02 15:04:05.000000 [INF] text</c>,
/// because test harnesses and log shippers written for nats-server parse exactly that shape.
/// </summary>
public sealed class ServerLog
{
    private readonly TextWriter _writer;
    private readonly Lock _gate = new();
    private readonly string _pidPrefix;

    /// <summary>Creates a log that writes lines at <paramref name="minimum"/> and above.</summary>
    public ServerLog(TextWriter writer, LogLevel minimum = LogLevel.Info)
    {
        _writer = writer;
        Minimum = minimum;
        _pidPrefix = "[" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "] ";
    }

    /// <summary>A log that drops everything: for embedding the server in tests and benchmarks.</summary>
    public static ServerLog None { get; } = new(TextWriter.Null, LogLevel.Fatal + 1);

    /// <summary>Lines below this level are not written.</summary>
    public LogLevel Minimum { get; set; }

    /// <summary>True when a line at <paramref name="level"/> would be written; guards costly messages.</summary>
    public bool IsEnabled(LogLevel level) => level >= Minimum;

    /// <summary>Writes one line.</summary>
    public void Write(LogLevel level, string text)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var stamp = DateTime.Now.ToString("yyyy/MM/dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _writer.Write(_pidPrefix);
            _writer.Write(stamp);
            _writer.Write(Label(level));
            _writer.WriteLine(text);
            _writer.Flush();
        }
    }

    /// <summary>[INF] line.</summary>
    public void Info(string text) => Write(LogLevel.Info, text);

    /// <summary>[WRN] line.</summary>
    public void Warn(string text) => Write(LogLevel.Warning, text);

    /// <summary>[ERR] line.</summary>
    public void Error(string text) => Write(LogLevel.Error, text);

    /// <summary>[DBG] line.</summary>
    public void Debug(string text) => Write(LogLevel.Debug, text);

    /// <summary>[TRC] line.</summary>
    public void Trace(string text) => Write(LogLevel.Trace, text);

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => " [TRC] ",
        LogLevel.Debug => " [DBG] ",
        LogLevel.Info => " [INF] ",
        LogLevel.Warning => " [WRN] ",
        LogLevel.Error => " [ERR] ",
        _ => " [FTL] ",
    };
}
