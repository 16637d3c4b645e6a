using System.Net;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server;

/// <summary>The NATS server: listeners, connections and the subject space, wired from one options record.</summary>
public sealed class NatsServer : IAsyncDisposable
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    public NatsServer(ServerOptions options, ServerLog? log = null)
    {
        Options = options;
        Log = log ?? ServerLog.None;
        ServerId = "N";
        ClientEndPoint = new IPEndPoint(IPAddress.Any, 0);
    }

    /// <summary>The options the server runs with.</summary>
    public ServerOptions Options { get; }

    /// <summary>Where log lines go.</summary>
    public ServerLog Log { get; }

    /// <summary>The server's public nkey, sent as <c>server_id</c>.</summary>
    public string ServerId { get; }

    /// <summary>The bound client endpoint (the real port when 0 or -1 was asked for).</summary>
    public IPEndPoint ClientEndPoint { get; private set; }

    /// <summary>Completes once the server has shut down.</summary>
    public Task Completion => _done.Task;

    /// <summary>Binds the listeners and starts accepting; logs "Server is ready" when done.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    /// <summary>Stops accepting, flushes and closes every connection. Safe to call twice.</summary>
    public Task ShutdownAsync() { _done.TrySetResult(); return _done.Task; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(ShutdownAsync());
}
