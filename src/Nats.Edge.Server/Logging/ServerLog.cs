namespace Nats.Edge.Server.Logging;

/// <summary>The server's log: a level filter in front of a sink that the host may swap while running.</summary>
public sealed class ServerLog
{
    private ILogSink _sink;

    /// <summary>Creates a log that writes lines at <paramref name="minimum"/> and above to <paramref name="writer"/>.</summary>
    public ServerLog(TextWriter writer, LogLevel minimum = LogLevel.Info)
        : this(new TextLogSink(writer), minimum)
    {
    }

    /// <summary>Creates a log that hands lines at <paramref name="minimum"/> and above to <paramref name="sink"/>.</summary>
    public ServerLog(ILogSink sink, LogLevel minimum = LogLevel.Info)
    {
        _sink = sink;
        Minimum = minimum;
    }

    /// <summary>A log that drops everything: for embedding the server in tests and benchmarks.</summary>
    public static ServerLog None { get; } = new(TextWriter.Null, LogLevel.Fatal + 1);

    /// <summary>Lines below this level are not written; a config reload may change it.</summary>
    public LogLevel Minimum { get; set; }

    /// <summary>Where lines go; replaced when a reload or SIGUSR1 opens another log file.</summary>
    public ILogSink Sink
    {
        get => Volatile.Read(ref _sink);
        set => Volatile.Write(ref _sink, value);
    }

    /// <summary>True when a line at <paramref name="level"/> would be written; guards costly messages.</summary>
    public bool IsEnabled(LogLevel level) => level >= Minimum;

    /// <summary>Writes one line.</summary>
    public void Write(LogLevel level, string text)
    {
        if (IsEnabled(level))
        {
            Sink.Write(level, text);
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
}
