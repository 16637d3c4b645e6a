using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Lifecycle;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Reloading;

namespace Nats.Edge.Server;

/// <summary>The NATS server: listeners, connections and the subject space, wired from one options record.</summary>
public sealed partial class NatsServer : IAsyncDisposable, IServerContext, IReloadable
{
    // How often pings, auth timeouts and write deadlines are checked: fine enough for a 2 s auth timeout.
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    // Outbound chunks unused for this many ticks (5 s) go back to the GC.
    private const int TicksPerChunkTrim = 20;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly LameDuck _lameDuck;
    private readonly ConfigReload _reload;
    private Monitoring.MonitorServer? _monitor;
    private Listener? _clientListener;
    private Listener? _leafListener;
    private Listener? _webSocketListener;
    private Task _tickLoop = Task.CompletedTask;
    private ServerOptions _options;
    private Security.Authenticator _authenticator;
    private ServerTls? _tls;
    private ServerTls? _leafTls;
    private int _shutdownStarted;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    public NatsServer(ServerOptions options, ServerLog? log = null)
    {
        _options = options;
        Log = log ?? ServerLog.None;
        ServerId = ServerIdentity.NewServerId();
        ServerName = string.IsNullOrEmpty(options.ServerName) ? ServerId : options.ServerName;
        Accounts = new AccountRegistry(options);
        _authenticator = new Security.Authenticator(options, Accounts);
        _tls = options.Tls is { } tls ? new ServerTls(tls) : null;
        _leafTls = options.Leafnodes?.Tls is { } leafTls ? new ServerTls(leafTls) : null;
        Cluster = options.Cluster is { } cluster ? new Routes.ClusterManager(this, cluster) : null;
        Gateways = options.Gateway is { } gateway ? new Gateways.GatewayManager(this, gateway) : null;
        LeafRemotes = new Leafnodes.LeafRemotes(this);
        ClientEndPoint = new IPEndPoint(IPAddress.Any, 0);
        Events = new Events.SystemEvents(this);
        _lameDuck = new LameDuck(Log, Connections, () => Events.EnteringLameDuckMode(), StopAcceptingClientsAsync, ShutdownAsync, _stopping.Token);
        _reload = new ConfigReload(this, Log, Accounts, Connections);
    }

    // Plain reads on the message path: Reload publishes a whole new object with a release write,
    // and .NET keeps reads through the reference ordered, so an acquire (ldar on ARM64) buys nothing.

    /// <summary>The options the server runs with; <see cref="Reload"/> replaces them.</summary>
    public ServerOptions Options => _options;

    /// <summary>Where log lines go.</summary>
    public ServerLog Log { get; }

    /// <summary>The server's public nkey, sent as <c>server_id</c>.</summary>
    public string ServerId { get; }

    /// <summary>The configured name, or the id when none was set.</summary>
    public string ServerName { get; }

    /// <summary>The bound client endpoint (the real port when 0 or -1 was asked for).</summary>
    public IPEndPoint ClientEndPoint { get; private set; }

    /// <summary>The bound monitoring endpoint (the real port when -1 was asked for); null without monitoring.</summary>
    public IPEndPoint? MonitoringEndPoint => _monitor?.EndPoint;

    /// <summary>Completes once the server has shut down.</summary>
    public Task Completion => _done.Task;

    internal bool AuthRequired => Authenticator.Required;

    /// <summary>The bound route endpoint; null without a cluster.</summary>
    public IPEndPoint? ClusterEndPoint => Cluster?.EndPoint;

    /// <summary>How many other servers this one has a route to.</summary>
    public int RouteCount => Cluster?.Routes.Count ?? 0;

    internal Routes.ClusterManager? Cluster { get; }

    /// <summary>The gateways to other clusters; null when this cluster stands alone.</summary>
    internal Gateways.GatewayManager? Gateways { get; }

    /// <summary>The bound leafnode endpoint; null without a leafnode listener.</summary>
    public IPEndPoint? LeafEndPoint { get; private set; }

    /// <summary>The bound websocket endpoint; null without a websocket port.</summary>
    public IPEndPoint? WebSocketEndPoint => _webSocketListener?.EndPoint;

    /// <summary><c>ws</c> or <c>wss</c>: what the websocket port serves; null without one.</summary>
    public string? WebSocketScheme { get; private set; }

    /// <summary>The <c>host:port</c> leafs can dial, sent to them in <c>leafnode_urls</c>.</summary>
    internal IReadOnlyList<string> LeafnodeUrls { get; private set; } = [];

    internal ServerTls? LeafTls => _leafTls;

    /// <summary>Time an accepted leaf has to log in; a TLS listener adds the handshake's time.</summary>
    internal TimeSpan LeafAuthTimeout =>
        (Options.Leafnodes?.AuthTimeout ?? TimeSpan.FromSeconds(2)) + (LeafTls?.Options.Timeout ?? TimeSpan.Zero);

    internal AccountRegistry Accounts { get; }

    /// <summary>The requests answered and the events published in the system account.</summary>
    internal Events.SystemEvents Events { get; }

    /// <summary>The monitoring HTTP server; null without monitoring.</summary>
    internal Monitoring.MonitorServer? Monitor => _monitor;

    internal Security.Authenticator Authenticator => _authenticator;

    internal ChunkPool Chunks { get; } = new();

    /// <summary>Every live connection, of every kind.</summary>
    internal ConnectionRegistry Connections { get; } = new();

    internal ServerTls? Tls => _tls;

    /// <summary>The file operations outbox logs use; tests put a failing disk here.</summary>
    internal Outbox.IOutboxFiles? OutboxFiles { get; init; }

    /// <summary>Each leafnode remote's outbox, in the order of the remotes; null for a remote without one.</summary>
    internal IReadOnlyList<Outbox.RemoteOutbox?> Outboxes => LeafRemotes.Outboxes;

    /// <summary>The leafnode remotes this server dials, which a reload may add, remove, disable or change.</summary>
    internal Leafnodes.LeafRemotes LeafRemotes { get; }

    ServerTls? IReloadable.Tls => _tls;

    Routes.ClusterManager? IReloadable.Cluster => Cluster;

    ServerTls? IReloadable.LeafTls => _leafTls;

    Leafnodes.LeafRemotes IReloadable.LeafRemotes => LeafRemotes;

    // nats-server gives a TLS client the handshake's time plus a second to authenticate.
    internal TimeSpan AuthTimeout => Tls is { } tls ? tls.Options.Timeout + TimeSpan.FromSeconds(1) : Options.AuthTimeout;

    /// <summary>
    /// Binds the listeners and starts accepting; logs "Server is ready" when done. Throws
    /// <see cref="SocketException"/> when a port cannot be bound, <see cref="HttpListenerException"/>
    /// when the monitoring port cannot.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Authenticator.HasPlaintextPasswords)
        {
            Log.Warn("Plaintext passwords detected, use nkeys or bcrypt");
        }

        if (Options.HttpPort != 0)
        {
            var host = Options.HttpHost ?? Options.Host;
            _monitor = await Monitoring.MonitorServer.StartAsync(this, host, Options.HttpPort, Options.HttpBasePath, cancellationToken).ConfigureAwait(false);
            Log.Info($"Starting http monitor on {FormatHostPort(host, _monitor.EndPoint.Port)}");
        }

        // Before the first client or route: nothing published on an outbox subject may escape its log.
        LeafRemotes.Open(Options.Leafnodes?.Remotes ?? []);

        var clientListener = await Listener.BindAsync(Options.Host, Options.Port, cancellationToken).ConfigureAwait(false);
        _clientListener = clientListener;
        ClientEndPoint = clientListener.EndPoint;
        Cluster?.OnClientListening(Options.Host, ClientEndPoint.Port);
        Log.Info($"Listening for client connections on {FormatHostPort(Options.Host, ClientEndPoint.Port)}");

        if (Options.Leafnodes is { Port: { } leafPort } leafnodes)
        {
            _leafListener = await Listener.BindAsync(leafnodes.Host, leafPort, cancellationToken).ConfigureAwait(false);
            LeafEndPoint = _leafListener.EndPoint;
            LeafnodeUrls = AdvertisedAddresses(leafnodes.Host, LeafEndPoint.Port);
            Log.Info($"Listening for leafnode connections on {FormatHostPort(leafnodes.Host, LeafEndPoint.Port)}");
            _leafListener.Start(AcceptLeaf, Log);
        }

        if (Options.Websocket is { } websocket)
        {
            await ListenForWebSocketsAsync(websocket, cancellationToken).ConfigureAwait(false);
        }

        if (Cluster is not null)
        {
            await Cluster.ListenAsync(_stopping.Token, cancellationToken).ConfigureAwait(false);
        }

        if (Gateways is not null)
        {
            await Gateways.ListenAsync(_stopping.Token, cancellationToken).ConfigureAwait(false);
        }

        // Before the first client, so its CONNECT event is not missed.
        Events.Start(_stopping.Token);
        clientListener.Start(AcceptClient, Log);
        _tickLoop = TickLoopAsync();
        Log.Info("Server is ready");
        Cluster?.DialConfiguredRoutes();
        Gateways?.DialConfigured();

        LeafRemotes.Start(_stopping.Token);
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

        // First, while the subscribers are still connected to hear SHUTDOWN.
        await Events.StopAsync().ConfigureAwait(false);
        await StopAcceptingClientsAsync().ConfigureAwait(false);
        if (_leafListener is not null)
        {
            await _leafListener.StopAsync().ConfigureAwait(false);
        }

        if (_monitor is not null)
        {
            await _monitor.DisposeAsync().ConfigureAwait(false);
        }

        if (Cluster is not null)
        {
            await Cluster.StopAsync().ConfigureAwait(false);
        }

        if (Gateways is not null)
        {
            await Gateways.StopAsync().ConfigureAwait(false);
        }

        await _tickLoop.ConfigureAwait(false);
        await LeafRemotes.StopAsync().ConfigureAwait(false);
        var connections = new List<Connection>(Connections.All);
        var closing = new List<Task>(connections.Count);
        foreach (var connection in connections)
        {
            connection.Close(CloseReason.ServerShutdown);
            closing.Add(connection.Closed);
        }

        await Task.WhenAny(Task.WhenAll(closing), Task.Delay(Options.ShutdownFlushTimeout)).ConfigureAwait(false);
        foreach (var connection in connections)
        {
            connection.Close(CloseReason.ServerShutdown, flush: false);
        }

        // Last, so what the closing connections published is on disk before the log closes.
        LeafRemotes.CloseOutboxes();

        Log.Info("Server Exiting..");
        _stopping.Dispose();
        _done.TrySetResult();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(ShutdownAsync());

    /// <summary>True from the moment lame duck mode begins: INFO tells clients <c>"ldm":true</c>.</summary>
    public bool InLameDuckMode => _lameDuck.IsActive;

    /// <summary>
    /// Lame duck mode, as nats-server's SIGUSR2: stop accepting clients, tell the connected ones (INFO
    /// with <c>"ldm":true</c>) so they can move to another server, wait the grace period, close them one
    /// by one across the rest of <c>lame_duck_duration</c>, then shut down. Completes with the shutdown;
    /// a second call, or one during shutdown, does nothing.
    /// </summary>
    public Task EnterLameDuckModeAsync() =>
        Volatile.Read(ref _shutdownStarted) != 0 ? Task.CompletedTask : _lameDuck.EnterAsync(Options);

    /// <summary>
    /// Shows <paramref name="inventory"/>, a JSON object, as <c>devices</c> in this server's
    /// <c>$SYS.REQ.SERVER.&lt;id&gt;.IDZ</c> answer: the device bridge lists there what the board has wired.
    /// </summary>
    public void ListDevices(ReadOnlySpan<byte> inventory) => Events.SetDevices(inventory);

    /// <summary>
    /// Runs on with <paramref name="reloaded"/> instead of the current options, as nats-server's
    /// config reload does: users, passwords, permissions, limits and TLS change for new and open
    /// connections. An option that cannot change while running (a port, an account's exports, the
    /// leafnode setup) throws <see cref="ServerOptionsException"/> and nothing changes.
    /// </summary>
    public void Reload(ServerOptions reloaded)
    {
        ArgumentNullException.ThrowIfNull(reloaded);
        _reload.Apply(reloaded);
    }

    void IReloadable.Replace(ServerOptions options, Security.Authenticator authenticator, ServerTls? tls, ServerTls? leafTls)
    {
        Volatile.Write(ref _options, options);
        Volatile.Write(ref _authenticator, authenticator);
        Volatile.Write(ref _tls, tls);
        Volatile.Write(ref _leafTls, leafTls);
    }

    // What sessions see of the server (IServerContext): the members that are internal here.
    ChunkPool IServerContext.Chunks => Chunks;
    ConnectionRegistry IServerContext.Connections => Connections;
    AccountRegistry IServerContext.Accounts => Accounts;
    Security.Authenticator IServerContext.Authenticator => Authenticator;
    ServerTls? IServerContext.Tls => Tls;
    ServerTls? IServerContext.LeafTls => LeafTls;
    IReadOnlyList<string> IServerContext.LeafnodeUrls => LeafnodeUrls;
    TimeSpan IServerContext.AuthTimeout => AuthTimeout;
    TimeSpan IServerContext.LeafAuthTimeout => LeafAuthTimeout;
    Routes.ClusterManager? IServerContext.Cluster => Cluster;
    Gateways.GatewayManager? IServerContext.Gateways => Gateways;
    Events.SystemEvents? IServerContext.Events => Events;
    ClientInfo IServerContext.ClientInfoFor(ulong clientId, string clientIp, string? nonce) => ClientInfoFor(clientId, clientIp, nonce);
    void IServerContext.CountSlowConsumer() => CountSlowConsumer();

    // An empty connect_urls is left out of INFO, as nats-server's omitempty leaves it out.
    internal ClientInfo ClientInfoFor(ulong clientId, string clientIp, string? nonce) => new(
        ServerId, ServerName, ServerVersion.Info, Options.Host, ClientEndPoint.Port, !Options.NoHeaderSupport,
        AuthRequired, Tls is not null, Tls?.RequiresClientCertificate ?? false, Options.MaxPayload, clientId, clientIp, nonce,
        InLameDuckMode, Cluster?.ClientConnectUrls is { Count: > 0 } urls ? urls : null);

    // Lame duck mode stops accepting clients long before the rest stops, on the websocket port too.
    private async Task StopAcceptingClientsAsync()
    {
        if (_webSocketListener is not null)
        {
            await _webSocketListener.StopAsync().ConfigureAwait(false);
        }

        if (_clientListener is not null)
        {
            await _clientListener.StopAsync().ConfigureAwait(false);
        }
    }

    private async Task ListenForWebSocketsAsync(WebsocketOptions websocket, CancellationToken cancellationToken)
    {
        var acceptor = new WebSockets.WebSocketAcceptor(this, websocket);
        _webSocketListener = await Listener.BindAsync(websocket.Host, websocket.Port, cancellationToken).ConfigureAwait(false);
        WebSocketScheme = acceptor.Scheme;
        Log.Info($"Listening for websocket clients on {acceptor.Scheme}://{FormatHostPort(websocket.Host, _webSocketListener.EndPoint.Port)}");
        if (websocket.Tls is null)
        {
            Log.Warn("Websocket not configured with TLS. DO NOT USE IN PRODUCTION!");
        }

        _webSocketListener.Start(acceptor.Accept, Log);
    }

    internal static string FormatHostPort(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    /// <summary>
    /// The <c>host:port</c> a listener on <paramref name="host"/> can be reached at: the machine's
    /// addresses for a listener on every interface, as nats-server advertises them, else the host itself.
    /// </summary>
    public static IReadOnlyList<string> AdvertisedAddresses(string host, int port)
    {
        if (!string.IsNullOrEmpty(host) && host is not ("0.0.0.0" or "::"))
        {
            return [FormatHostPort(host, port)];
        }

        var urls = new List<string>();
        try
        {
            foreach (var address in Dns.GetHostAddresses(Dns.GetHostName()))
            {
                if (address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
                {
                    urls.Add($"{address}:{port}");
                }
            }
        }
        catch (SocketException)
        {
            // No resolvable host name: fall back to loopback below.
        }

        return urls.Count > 0 ? urls : [$"127.0.0.1:{port}"];
    }

    private void AcceptClient(Socket socket) => AcceptClient(Transport.Over(socket, this));

    private void AcceptLeaf(Socket socket) => AcceptLeaf(Transport.Over(socket, this));

    /// <summary>A connection upgraded on the websocket port: a client, or a leaf when it asked for <c>/leafnode</c>.</summary>
    internal void AcceptWebSocket(Socket socket, Stream stream, bool leaf)
    {
        var transport = Transport.Over(socket, stream, this);
        if (leaf)
        {
            AcceptLeaf(transport);
        }
        else
        {
            AcceptClient(transport);
        }
    }

    private void AcceptClient(Transport transport)
    {
        Interlocked.Increment(ref _totalConnections);
        var client = new ClientConnection(this, transport, Connections.NextId(), Accounts.Global);
        var overLimit = Connections.ClientCount >= Options.MaxConnections;
        if (!overLimit)
        {
            Connections.Add(client);
        }

        Log.Debug($"{client} - Client connection created");
        client.Open(overLimit);
    }

    private void AcceptLeaf(Transport transport)
    {
        var leaf = new Leafnodes.LeafConnection(this, transport, Connections.NextId());
        Connections.Add(leaf);
        Log.Debug($"{leaf} - Leafnode connection created");
        leaf.Open();
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
                foreach (var connection in Connections.All)
                {
                    connection.OnTick(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }
}
