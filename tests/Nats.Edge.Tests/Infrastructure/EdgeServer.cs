using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Our server hosted in the test process.</summary>
public sealed class EdgeServer : IRunningServer
{
    private readonly NatsServer _server;
    private StringWriter? _log;

    // The writer the server logs through; reading the log takes the same lock its writes take.
    private TextWriter? _synchronizedLog;

    private EdgeServer(NatsServer server) => _server = server;

    /// <inheritdoc />
    public ServerTarget Target => ServerTarget.Edge;

    /// <inheritdoc />
    public int Port => _server.ClientEndPoint.Port;

    /// <summary>How many routes to other servers are up.</summary>
    public int RouteCount => _server.RouteCount;

    /// <summary>The bound route port; 0 without a cluster.</summary>
    public int ClusterPort => _server.ClusterEndPoint?.Port ?? 0;

    /// <summary>How many routes announced interest in <paramref name="subject"/> in <c>$G</c>, queue groups included.</summary>
    public int RouteInterest(string subject)
    {
        var match = _server.Accounts.Global.Subscriptions.Match(System.Text.Encoding.UTF8.GetBytes(subject));
        var count = 0;
        foreach (var subscription in match.Plain)
        {
            count += subscription.Owner is Nats.Edge.Server.Routes.RouteAccountLink ? 1 : 0;
        }

        foreach (var group in match.QueueGroups)
        {
            foreach (var member in group.Members)
            {
                count += member.Owner is Nats.Edge.Server.Routes.RouteAccountLink ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The server itself, for what runs inside its process (in-process clients, the device bridge).</summary>
    public NatsServer Server => _server;

    /// <summary>Applies changed options as SIGHUP does for the process.</summary>
    public void Reload(ServerOptions options) => _server.Reload(options);

    /// <inheritdoc />
    public int MonitorPort => _server.MonitoringEndPoint?.Port ?? 0;

    /// <summary>What the server logged, when it was started with a log.</summary>
    public string Log
    {
        get
        {
            if (_log is null)
            {
                return string.Empty;
            }

            // TextWriter.Synchronized locks the wrapper on each write; a StringBuilder read mid-append throws.
            lock (_synchronizedLog!)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Polls <see cref="Log"/> until <paramref name="text"/> appears; fails with the whole log after 10 s. Needs a captured log.</summary>
    public Task WaitForLogAsync(string text) => Poll.UntilLogContainsAsync(() => Log, text);

    /// <summary>Starts a server and returns once it accepts connections; with <paramref name="captureLog"/> its log is kept in <see cref="Log"/>.</summary>
    /// <param name="outboxFiles">The file operations of outbox logs, for a test that fails the disk.</param>
    internal static async Task<EdgeServer> StartAsync(ServerOptions options, bool captureLog = false, Nats.Edge.Server.Outbox.IOutboxFiles? outboxFiles = null)
    {
        var writer = captureLog ? new StringWriter() : null;
        var synchronized = writer is null ? null : TextWriter.Synchronized(writer);
        var server = new NatsServer(options, synchronized is null ? null : new Nats.Edge.Server.Logging.ServerLog(synchronized))
        {
            OutboxFiles = outboxFiles,
        };
        try
        {
            using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
            await server.StartAsync(timeout.Token);
            return new EdgeServer(server) { _log = writer, _synchronizedLog = synchronized };
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
