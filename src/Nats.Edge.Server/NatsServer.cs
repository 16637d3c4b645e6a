using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server;

/// <summary>The NATS server: listeners, connections and the subject space, wired from one options record.</summary>
public sealed class NatsServer : IAsyncDisposable
{
    // How often pings, auth timeouts and write deadlines are checked: fine enough for a 2 s auth timeout.
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    // Outbound chunks unused for this many ticks (5 s) go back to the GC.
    private const int TicksPerChunkTrim = 20;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<ulong, ClientConnection> _clients = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task _tickLoop = Task.CompletedTask;
    private long _lastClientId;
    private int _shutdownStarted;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    public NatsServer(ServerOptions options, ServerLog? log = null)
    {
        Options = options;
        Log = log ?? ServerLog.None;
        ServerId = ServerIdentity.NewServerId();
        ServerName = string.IsNullOrEmpty(options.ServerName) ? ServerId : options.ServerName;
        Accounts = new AccountRegistry(options);
        Authenticator = new Security.Authenticator(options, Accounts);
        Tls = options.Tls is { } tls ? new Connections.ServerTls(tls) : null;

        // nats-server gives a TLS client the handshake's time plus a second to authenticate.
        AuthTimeout = Tls is null ? options.AuthTimeout : Tls.Options.Timeout + TimeSpan.FromSeconds(1);
        ClientEndPoint = new IPEndPoint(IPAddress.Any, 0);
    }

    /// <summary>The options the server runs with.</summary>
    public ServerOptions Options { get; }

    /// <summary>Where log lines go.</summary>
    public ServerLog Log { get; }

    /// <summary>The server's public nkey, sent as <c>server_id</c>.</summary>
    public string ServerId { get; }

    /// <summary>The configured name, or the id when none was set.</summary>
    public string ServerName { get; }

    /// <summary>The bound client endpoint (the real port when 0 or -1 was asked for).</summary>
    public IPEndPoint ClientEndPoint { get; private set; }

    /// <summary>Completes once the server has shut down.</summary>
    public Task Completion => _done.Task;

    internal bool AuthRequired => Authenticator.Required;

    internal AccountRegistry Accounts { get; }

    internal Security.Authenticator Authenticator { get; }

    internal Connections.ChunkPool Chunks { get; } = new();

    internal Connections.ServerTls? Tls { get; }

    internal TimeSpan AuthTimeout { get; }

    /// <summary>Binds the listeners and starts accepting; logs "Server is ready" when done.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Authenticator.HasPlaintextPasswords)
        {
            Log.Warn("Plaintext passwords detected, use nkeys or bcrypt");
        }

        var address = await ResolveAsync(Options.Host, cancellationToken).ConfigureAwait(false);
        var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                listener.DualMode = true;
            }

            listener.NoDelay = true;

            // As Go's listeners do: a restarted server takes its port back at once, even while
            // connections of the previous run sit in TIME_WAIT.
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, Options.Port < 0 ? 0 : Options.Port));
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        ClientEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        Log.Info($"Listening for client connections on {FormatHostPort(Options.Host, ClientEndPoint.Port)}");
        _acceptLoop = AcceptLoopAsync(listener);
        _tickLoop = TickLoopAsync();
        Log.Info("Server is ready");
    }

    /// <summary>Stops accepting, flushes and closes every connection. Safe to call twice.</summary>
    public async Task ShutdownAsync()
    {
        if (Interlocked.Exchange(ref _shutdownStarted, 1) != 0)
        {
            await _done.Task.ConfigureAwait(false);
            return;
        }

        Log.Info("Initiating Shutdown...");
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await _tickLoop.ConfigureAwait(false);

        var closing = new List<Task>(_clients.Count);
        foreach (var client in _clients.Values)
        {
            client.Close(Connections.CloseReason.ServerShutdown);
            closing.Add(client.Closed);
        }

        await Task.WhenAny(Task.WhenAll(closing), Task.Delay(Options.ShutdownFlushTimeout)).ConfigureAwait(false);
        foreach (var client in _clients.Values)
        {
            client.Close(Connections.CloseReason.ServerShutdown, flush: false);
        }

        Log.Info("Server Exiting..");
        _stopping.Dispose();
        _done.TrySetResult();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    internal ClientInfo ClientInfoFor(ulong clientId, string clientIp, string? nonce) => new(
        ServerId, ServerName, ServerVersion.Info, Options.Host, ClientEndPoint.Port, !Options.NoHeaderSupport,
        AuthRequired, Tls is not null, Tls?.RequiresClientCertificate ?? false, Options.MaxPayload, clientId, clientIp, nonce);

    internal void Remove(ClientConnection client) => _clients.TryRemove(client.Id, out _);

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(host))
        {
            return IPAddress.Any;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? addresses[0] : throw new SocketException((int)SocketError.HostNotFound);
    }

    private static string FormatHostPort(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    private async Task AcceptLoopAsync(Socket listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                Log.Error($"Error accepting client connection: {ex.Message}");
                continue;
            }

            socket.NoDelay = true;
            var id = (ulong)Interlocked.Increment(ref _lastClientId);
            var client = new ClientConnection(this, socket, id, Accounts.Global);
            var overLimit = _clients.Count >= Options.MaxConnections;
            if (!overLimit)
            {
                _clients[id] = client;
            }

            Log.Debug($"{client} - Client connection created");
            client.Open(overLimit);
        }
    }

    private async Task TickLoopAsync()
    {
        using var timer = new PeriodicTimer(TickInterval);
        try
        {
            var ticks = 0;
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (++ticks % TicksPerChunkTrim == 0)
                {
                    Chunks.Trim();
                    Accounts.Sweep();
                }

                var now = Stopwatch.GetTimestamp();
                foreach (var client in _clients.Values)
                {
                    client.OnTick(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }
}
