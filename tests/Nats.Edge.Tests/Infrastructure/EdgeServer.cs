using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Our server hosted in the test process.</summary>
public sealed class EdgeServer : IRunningServer
{
    private readonly NatsServer _server;
    private StringWriter? _log;

    private EdgeServer(NatsServer server) => _server = server;

    /// <inheritdoc />
    public ServerTarget Target => ServerTarget.Edge;

    /// <inheritdoc />
    public int Port => _server.ClientEndPoint.Port;

    /// <summary>The server itself, for what runs inside its process (in-process clients, the device bridge).</summary>
    public NatsServer Server => _server;

    /// <summary>Applies changed options as SIGHUP does for the process.</summary>
    public void Reload(ServerOptions options) => _server.Reload(options);

    /// <summary>What the server logged, when it was started with a log.</summary>
    public string Log => _log?.ToString() ?? string.Empty;

    /// <summary>Starts a server and returns once it accepts connections; with <paramref name="captureLog"/> its log is kept in <see cref="Log"/>.</summary>
    public static async Task<EdgeServer> StartAsync(ServerOptions options, bool captureLog = false)
    {
        var writer = captureLog ? new StringWriter() : null;
        var server = new NatsServer(options, writer is null ? null : new Nats.Edge.Server.Logging.ServerLog(TextWriter.Synchronized(writer)));
        try
        {
            using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
            await server.StartAsync(timeout.Token);
            return new EdgeServer(server) { _log = writer };
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
