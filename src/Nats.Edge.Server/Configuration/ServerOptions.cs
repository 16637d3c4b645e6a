namespace Nats.Edge.Server.Configuration;

/// <summary>
/// Everything the server core needs to run. Defaults are nats-server's, so a server built from
/// <c>new ServerOptions()</c> behaves like <c>nats-server</c> with no config file.
/// </summary>
public sealed record ServerOptions
{
    /// <summary>Client listen address (nats-server: <c>host</c>, <c>-a</c>).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>Client port (nats-server: <c>port</c>, <c>-p</c>); 0 or -1 picks a free port.</summary>
    public int Port { get; init; } = 4222;

    /// <summary>Server name shown in INFO (nats-server: <c>server_name</c>); the server id when unset.</summary>
    public string? ServerName { get; init; }

    /// <summary>Largest PUB payload accepted, in bytes (nats-server: <c>max_payload</c>, 1 MiB).</summary>
    public int MaxPayload { get; init; } = 1024 * 1024;

    /// <summary>Longest control line argument accepted (nats-server: <c>max_control_line</c>).</summary>
    public int MaxControlLine { get; init; } = 4096;

    /// <summary>Outbound bytes a client may have queued before it is cut off as a slow consumer (64 MiB).</summary>
    public long MaxPending { get; init; } = 64L * 1024 * 1024;

    /// <summary>Client connections accepted at once (nats-server: <c>max_connections</c>).</summary>
    public int MaxConnections { get; init; } = 64 * 1024;

    /// <summary>Subscriptions per connection; 0 is unlimited (nats-server: <c>max_subscriptions</c>).</summary>
    public int MaxSubscriptions { get; init; }

    /// <summary>How much of a message's bytes a protocol trace shows; 0 shows all (nats-server: <c>max_traced_msg_len</c>).</summary>
    public int MaxTracedMsgLen { get; init; }

    /// <summary>How often the server pings an idle client (nats-server: <c>ping_interval</c>, 2 min).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Unanswered pings before "Stale Connection" (nats-server: <c>ping_max</c>).</summary>
    public int MaxPingsOutstanding { get; init; } = 2;

    /// <summary>A socket write that makes no progress this long marks a slow consumer (10 s).</summary>
    public TimeSpan WriteDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time a client has to send CONNECT when credentials are required (2 s).</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Single user name (nats-server: <c>authorization.user</c>, <c>--user</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Single user's password (nats-server: <c>authorization.password</c>, <c>--pass</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Single token (nats-server: <c>authorization.token</c>, <c>--auth</c>).</summary>
    public string? AuthorizationToken { get; init; }

    /// <summary>
    /// The users that may log in (nats-server: <c>authorization.users</c> and each account's
    /// <c>users</c>); each names its account. Any user makes credentials required.
    /// </summary>
    public IReadOnlyList<UserOptions> Users { get; init; } = [];

    /// <summary>Accounts besides <c>$G</c>, with their exports and imports (nats-server: <c>accounts</c>).</summary>
    public IReadOnlyList<AccountOptions> Accounts { get; init; } = [];

    /// <summary>The user a client without credentials logs in as (nats-server: <c>no_auth_user</c>).</summary>
    public string? NoAuthUser { get; init; }

    /// <summary>The account for the server's own traffic (nats-server: <c>system_account</c>).</summary>
    public string SystemAccount { get; init; } = "$SYS";

    /// <summary>Leafnode listener and remotes (nats-server: <c>leafnodes</c>); null has neither.</summary>
    public LeafnodeOptions? Leafnodes { get; init; }

    /// <summary>Routes to the other servers of a cluster (nats-server: <c>cluster</c>); null: no cluster.</summary>
    public ClusterOptions? Cluster { get; init; }

    /// <summary>Gateways to other clusters (<c>gateway</c>); null: this cluster stands alone.</summary>
    public GatewayOptions? Gateway { get; init; }

    /// <summary>TLS for client connections; null serves plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Clients and leafnodes over WebSocket (nats-server: <c>websocket</c>); null: no such port.</summary>
    public WebsocketOptions? Websocket { get; init; }

    /// <summary>
    /// Monitoring HTTP port (nats-server: <c>http_port</c>, <c>-m</c>): 0 serves no monitoring at all,
    /// -1 picks a free port.
    /// </summary>
    public int HttpPort { get; init; }

    /// <summary>Monitoring listen address (nats-server: the host of <c>http</c>); null uses <see cref="Host"/>.</summary>
    public string? HttpHost { get; init; }

    /// <summary>A prefix for every monitoring path, such as <c>/nats</c> (nats-server: <c>http_base_path</c>).</summary>
    public string HttpBasePath { get; init; } = string.Empty;

    /// <summary>Turns header support off in INFO (nats-server: <c>no_header_support</c>).</summary>
    public bool NoHeaderSupport { get; init; }

    /// <summary>
    /// How long lame duck mode takes to close every client before the server exits
    /// (nats-server: <c>lame_duck_duration</c>, 2 min).
    /// </summary>
    public TimeSpan LameDuckDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long lame duck mode waits after telling clients before it closes the first one, so
    /// servers put into lame duck together do not trade clients (<c>lame_duck_grace_period</c>, 10 s).
    /// </summary>
    public TimeSpan LameDuckGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time the server waits for connections to flush on shutdown.</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
