namespace Nats.Edge.Server.Logging;

/// <summary>Lines in nats-server's format on a text writer (the console), flushed one by one.</summary>
public sealed class TextLogSink(TextWriter writer, bool timestamps = true, bool utc = false) : ILogSink
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Write(LogLevel level, string text)
    {
        var line = LogLine.Format(level, text, timestamps, utc);
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
