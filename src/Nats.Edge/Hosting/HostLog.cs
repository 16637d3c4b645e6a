using Nats.Edge.Configuration;
using Nats.Edge.Logging;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Hosting;

/// <summary>
/// The server log and where it goes, chosen as nats-server chooses: a log file when one is named,
/// else remote syslog, else local syslog, else standard error. A reload may move it; SIGUSR1 reopens the file.
/// </summary>
internal sealed class HostLog : IDisposable
{
    private HostSettings _settings;
    private IDisposable? _ownedSink;

    public HostLog(HostSettings settings)
    {
        _settings = settings;
        var sink = CreateSink(settings);
        _ownedSink = sink as IDisposable;
        Log = new ServerLog(sink, Level(settings));
    }

    public ServerLog Log { get; }

    /// <summary>Applies a reloaded config's logging settings; a sink that cannot open keeps the old one and throws.</summary>
    public void Apply(HostSettings settings)
    {
        if (SinkSettingsDiffer(_settings, settings))
        {
            var sink = CreateSink(settings);
            var previous = _ownedSink;
            Log.Sink = sink;
            _ownedSink = sink as IDisposable;
            previous?.Dispose();
        }

        if (settings.Debug != _settings.Debug)
        {
            Log.Info($"Reloaded: debug = {Lower(settings.Debug)}");
        }

        if (settings.Trace != _settings.Trace)
        {
            Log.Info($"Reloaded: trace = {Lower(settings.Trace)}");
        }

        Log.Minimum = Level(settings);
        _settings = settings;
    }

    /// <summary>SIGUSR1: opens the log file again after logrotate moved it.</summary>
    public void Reopen()
    {
        if (Log.Sink is FileLogSink file)
        {
            file.Reopen();
            Log.Info("File log re-opened");
        }
        else
        {
            Log.Info("File log re-open ignored, not a file logger");
        }
    }

    public void Dispose() => _ownedSink?.Dispose();

    private static LogLevel Level(HostSettings settings) =>
        settings.Trace ? LogLevel.Trace : settings.Debug ? LogLevel.Debug : LogLevel.Info;

    private static string Lower(bool value) => value ? "true" : "false";

    private static bool SinkSettingsDiffer(HostSettings a, HostSettings b) =>
        a.LogFile != b.LogFile || a.LogSizeLimit != b.LogSizeLimit || a.LogTime != b.LogTime || a.LogTimeUtc != b.LogTimeUtc
        || a.Syslog != b.Syslog || a.RemoteSyslog != b.RemoteSyslog;

    private static ILogSink CreateSink(HostSettings settings)
    {
        if (settings.LogFile is { } path)
        {
            return new FileLogSink(path, settings.LogSizeLimit, settings.LogTime, settings.LogTimeUtc);
        }

        if (settings.RemoteSyslog is { } remote)
        {
            return Uri.TryCreate(remote, UriKind.Absolute, out var url) && url.Scheme == "udp"
                ? SyslogSink.Remote(url)
                : throw new ConfigException($"remote_syslog \"{remote}\" is not a udp://host:port URL");
        }

        return settings.Syslog ? SyslogSink.Local() : new TextLogSink(Console.Error, settings.LogTime, settings.LogTimeUtc);
    }
}
