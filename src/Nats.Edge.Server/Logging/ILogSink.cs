namespace Nats.Edge.Server.Logging;

/// <summary>Where log lines end up: a console, a file, syslog. Called for lines that passed the level filter.</summary>
public interface ILogSink
{
    /// <summary>Writes one line; <paramref name="text"/> has no level or timestamp yet. Called from any thread.</summary>
    void Write(LogLevel level, string text);
}
