using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Our server hosted in the test process.</summary>
public sealed class EdgeServer : IRunningServer
{
    private readonly NatsServer _server;

    private EdgeServer(NatsServer server) => _server = server;

    /// <inheritdoc />
    public ServerTarget Target => ServerTarget.Edge;

    /// <inheritdoc />
    public int Port => _server.ClientEndPoint.Port;

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    public static async Task<EdgeServer> StartAsync(ServerOptions options)
    {
        var server = new NatsServer(options, log: null);
        try
        {
            using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
            await server.StartAsync(timeout.Token);
            return new EdgeServer(server);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
