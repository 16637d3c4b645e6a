using System.Diagnostics;

namespace Nats.Edge.Server.Clients;

/// <summary>A client connection: the NATS client protocol on top of <see cref="Connection"/>.</summary>
internal sealed partial class ClientConnection : Connection
{
    // nats-server pings a new client after at most 2 s (then every ping_interval) to learn its RTT.
    private static readonly TimeSpan FirstPingDelay = TimeSpan.FromSeconds(2);

    private readonly ClientSubscriptions _subscriptions = new();
    private readonly PingSchedule _pings = new();
    private readonly ClientLogin _login;
    private MatchCache _matches;
    private readonly ClientReader _reader;

    public ClientConnection(IServerContext server, Transport transport, ulong id, Account account)
        : base(server, transport, id)
    {
        TracesProtocol = true;
        _login = new ClientLogin(account);
        _matches = new MatchCache(account.Subscriptions);
        _reader = new ClientReader(server.Options.MaxControlLine, server.Options.MaxPayload);
        // Before CONNECT the timer runs at the full interval from accept, as in nats-server.
        _pings.StartAfter(server.Options.PingInterval, measure: false);
    }

    /// <summary>The global account until CONNECT logs the client into its user's account.</summary>
    public Account Account => _login.Account;

    public override MatchCache Matches => _matches;

    /// <summary>Whether MSGs to this client may carry headers (it said so in CONNECT).</summary>
    public bool WantsHeaders => _login.Connect.Headers && !Server.Options.NoHeaderSupport;

    /// <summary>Sends INFO, or INFO and the refusal when the server is full, then starts the loops.</summary>
    public void Open(bool overLimit)
    {
        _login.IssueNonce(Server.Authenticator);
        var info = WriteInfo();
        if (Server.Tls is { } tls && !overLimit && !Transport.IsWebSocket)
        {
            StartWithTls(tls, info);
            return;
        }

        Outbound.Append(info);
        if (overLimit)
        {
            Outbound.Append(ProtocolErrors.MaxConnectionsExceeded);
            Close(CloseReason.MaxConnectionsExceeded);
        }

        SignalSend();
        Start();
    }

    /// <summary>
    /// Sends a fresh INFO: the cluster's client URLs changed, or <c>"ldm":true</c> says the server is
    /// going away. Only to clients that said in CONNECT they take INFO updates (protocol 1), as
    /// nats-server does.
    /// </summary>
    public void SendInfoUpdate()
    {
        if (IsClosing || !_login.IsLoggedIn || _login.Connect.Protocol < 1)
        {
            return;
        }

        Outbound.Append(WriteInfo());
        SignalSend();
    }

    private byte[] WriteInfo()
    {
        var info = Server.ClientInfoFor(Id, RemoteEndPoint.Address.ToString(), _login.Nonce);

        // Over WebSocket any TLS was the upgrade's, and the cluster's client URLs are nats:// ones a
        // WebSocket client (a browser) cannot dial.
        return InfoWriter.Write(Transport.IsWebSocket ? info with { TlsRequired = false, TlsVerify = false, ConnectUrls = null } : info);
    }

    public override void OnTick(long now)
    {
        base.OnTick(now);
        if (IsClosing)
        {
            return;
        }

        if (!_login.IsLoggedIn && Server.Authenticator.Required && Stopwatch.GetElapsedTime(Started, now) > Server.AuthTimeout)
        {
            CloseWithError(ProtocolErrors.AuthenticationTimeout, CloseReason.AuthenticationTimeout);
            return;
        }

        // A client that sent something within the interval is evidently alive and skips the PING;
        // not the first one after CONNECT, which nats-server always sends to learn the round trip.
        if (_pings.IsDue(now, Server.Options.PingInterval, LastReceived))
        {
            PingOrCloseStale(now);
        }
    }

    protected override void OnClosed()
    {
        foreach (var subscription in _subscriptions.TakeAll())
        {
            Account.Unsubscribe(subscription);
        }

        if (_login.IsLoggedIn)
        {
            Server.Events?.ClientDisconnected(this);
        }

        Server.Log.Debug($"{this} - Client connection closed: {Reason}");
    }

    public override void OnConnect(ReadOnlySpan<byte> json)
    {
        var options = ConnectOptions.Parse(json);
        if (options is null)
        {
            Close(CloseReason.ParseError);
            return;
        }

        var refusal = options.Refusal;
        if (!refusal.IsEmpty)
        {
            CloseWithError(refusal, CloseReason.ProtocolViolation);
            return;
        }

        if (!_login.LogIn(options, Server.Authenticator, ClientCertificate))
        {
            Server.Log.Error($"{this} - {Server.Authenticator.DescribeFailure(options)}");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        // The first CONNECT decides the account; with credentials required nothing can have been
        // subscribed before it, and without them every client is in the global account anyway.
        if (_matches.Index != Account.Subscriptions)
        {
            _matches = new MatchCache(Account.Subscriptions);
        }

        Server.Events?.ClientConnected(this);
        EstimateRttFromConnect();
        // CONNECT (re)starts the ping timer: the first PING comes after min(ping_interval, 2 s)
        // plus up to 20 % jitter, then every ping_interval.
        _pings.StartAfter(Server.Options.PingInterval < FirstPingDelay ? Server.Options.PingInterval : FirstPingDelay, jitter: true);
        AcknowledgeIfVerbose();
    }

    // A verbose client (CONNECT's default) has each CONNECT, PUB, SUB and UNSUB acknowledged.
    private void AcknowledgeIfVerbose()
    {
        if (_login.Connect.Verbose)
        {
            Enqueue("+OK\r\n"u8, Batch);
        }
    }
}
