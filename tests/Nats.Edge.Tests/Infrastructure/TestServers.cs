using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Starts either server from the same options, so a test states its setup once.</summary>
public static class TestServers
{
    /// <summary>Loopback, free port, nats-server defaults for everything else.</summary>
    public static ServerOptions Defaults { get; } = new() { Host = "127.0.0.1", Port = 0 };

    /// <summary><see cref="Defaults"/> with HTTP monitoring on a free port.</summary>
    public static ServerOptions Monitored { get; } = Defaults with { HttpPort = -1 };

    /// <summary>
    /// Starts <paramref name="target"/> with <paramref name="options"/> (default: <see cref="Defaults"/>);
    /// <paramref name="captureLog"/> keeps nats-edge's log (nats-server's is always kept).
    /// </summary>
    public static async Task<IRunningServer> StartAsync(ServerTarget target, ServerOptions? options = null, bool captureLog = false)
    {
        options ??= Defaults;
        return target switch
        {
            ServerTarget.Edge => await EdgeServer.StartAsync(options, captureLog),
            ServerTarget.Reference => await ReferenceServer.StartAsync(options),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }

    /// <summary>
    /// Writes <paramref name="configBody"/> (JSON members, nats-server's keys) into a config file on
    /// loopback and a free port, and starts <paramref name="target"/> from that same file: nats-edge
    /// through its config loader, nats-server by reading it natively.
    /// </summary>
    public static async Task<IRunningServer> StartWithConfigAsync(ServerTarget target, string configBody, bool captureLog = false, int port = -1)
    {
        var text = $"{{ \"host\": \"127.0.0.1\", \"port\": {port}, {configBody.Trim().TrimEnd(',')} }}";
        return target switch
        {
            ServerTarget.Edge => await EdgeServer.StartAsync(LoadOnce(text), captureLog),
            ServerTarget.Reference => await ReferenceServer.StartWithConfigTextAsync(text),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }

    // nats-edge reads its file once, through the loader, so the file need not outlive the load.
    private static ServerOptions LoadOnce(string text)
    {
        using var folder = new TempConfigFolder();
        return Nats.Edge.Configuration.ConfigFileLoader.Load(folder.Write("server.json", text), []).Options;
    }
}
