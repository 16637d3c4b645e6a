using Nats.Edge.Server.Logging;

namespace Nats.Edge.Tests.Outbox;

/// <summary>Keeps the lines a log writes, with their level labels, for tests to look at.</summary>
public sealed class LogLines : ILogSink
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public void Write(LogLevel level, string text)
    {
        lock (_gate)
        {
            _lines.Add(LogLine.Label(level) + text);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public int Count(string text) => Snapshot().Count(line => line.Contains(text, StringComparison.Ordinal));

    public override string ToString() => string.Join('\n', Snapshot());
}
