using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Starts either server from the same options, so a test states its setup once.</summary>
public static class TestServers
{
    /// <summary>Loopback, free port, nats-server defaults for everything else.</summary>
    public static ServerOptions Defaults { get; } = new() { Host = "127.0.0.1", Port = 0 };

    /// <summary>Starts <paramref name="target"/> with <paramref name="options"/> (default: <see cref="Defaults"/>).</summary>
    public static async Task<IRunningServer> StartAsync(ServerTarget target, ServerOptions? options = null)
    {
        options ??= Defaults;
        return target switch
        {
            ServerTarget.Edge => await EdgeServer.StartAsync(options),
            ServerTarget.Reference => await ReferenceServer.StartAsync(options),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }
}
