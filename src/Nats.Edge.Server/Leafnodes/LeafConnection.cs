using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// A leafnode link (https://docs.nats.io/running-a-nats-service/configuration/leafnodes), either
/// side: dialled by this server to a hub (<see cref="IsSolicited"/>, the board's uplink) or
/// accepted from a leaf (this server is its hub).
/// It is bound to one account; interest crosses as LS+/LS-, messages as LMSG/HMSG, only where the
/// other side asked for them and the link's rules allow.
/// </summary>
internal sealed partial class LeafConnection : LinkConnection, IRemoteLink, IInterestLink
{
    // A hub must answer a board's CONNECT with its second INFO within this time.
    private static readonly TimeSpan HubAnswerTimeout = TimeSpan.FromSeconds(2);

    private readonly LeafReader _reader;
    private readonly LeafSolicitor? _solicitor;
    private MatchCache? _matches;
    private LinkRules _rules;
    private readonly InterestAnnouncer _announcer;
    private bool _peerHeaders = true;

    /// <summary>A link this server dialled; <see cref="BeginSolicited"/> sends its CONNECT.</summary>
    public LeafConnection(IServerContext server, Transport transport, ulong id, LeafSolicitor solicitor, Account account, LinkRules rules)
        : this(server, transport, id)
    {
        IsSolicited = true;
        _solicitor = solicitor;
        Account = account;
        _rules = rules;
        _matches = new MatchCache(account.Subscriptions);
    }

    /// <summary>A link a leaf opened to this server's leafnode port; <see cref="Open"/> greets it.</summary>
    public LeafConnection(IServerContext server, Transport transport, ulong id)
        : base(server, transport, id)
    {
        // Leaf links carry long interest lists; nats-server does not hold them to max_control_line.
        _reader = new LeafReader(Math.Max(server.Options.MaxControlLine, 64 * 1024), server.Options.MaxPayload);
        _rules = new LinkRules(null, [], null, [], systemAccount: false);
        _announcer = new InterestAnnouncer(this, "LS", account: null, () => _rules);
    }

    /// <summary>True for the uplink this server dialled, false for a leaf that dialled in.</summary>
    public bool IsSolicited { get; }

    public override LinkRole Role => IsSolicited ? LinkRole.Uplink : LinkRole.Leaf;

    /// <summary>The account the link is bound to; null until an accepted leaf has logged in.</summary>
    public Account? Account { get; private set; }

    public override MatchCache? Matches => _matches;

    /// <summary>The outbox of the remote this uplink serves; null for other links.</summary>
    public Outbox.RemoteOutbox? Outbox => _solicitor?.Outbox;

    /// <summary>
    /// The compression mode this side runs the link with, as <c>/leafz</c> shows it: "not supported" with
    /// a peer older than nats-server 2.10, "off" when either side declined, else the S2 level.
    /// </summary>
    public string Compression { get; set; } = CompressionModes.NotSupported;

    /// <summary>The S2 stream under the link when it is compressed, for its byte counts.</summary>
    public Compression.S2Stream? CompressedStream => Transport.CurrentStream as Compression.S2Stream;

    // What the leafnode port offers; null options (no leafnodes block) offer what nats-server defaults to.
    private CompressionOptions HubCompression => Server.Options.Leafnodes?.Compression ?? new LeafnodeOptions().Compression;

    /// <summary>The dial loop that made this link; null on the hub side.</summary>
    public LeafSolicitor? Solicitor => _solicitor;

    public override string ToString() => $"{RemoteEndPoint} - lid:{Id}";

    // A leaf must log in within the leafnode port's auth timeout; a board's hub must answer its CONNECT in 2 s.
    protected override TimeSpan HandshakeTimeout => IsSolicited ? HubAnswerTimeout : Server.LeafAuthTimeout;

    protected override TimeSpan PingInterval => Server.Options.PingInterval;

    protected override (string Client, string Gateway) PortNames => ("leaf node", "leafnode");

    // The hub never sent its second INFO, or the leaf never sent CONNECT.
    protected override void CloseForHandshakeTimeout() =>
        CloseWithError(IsSolicited ? "-ERR 'Stale Leaf Node Connection - Closing'\r\n"u8 : ProtocolErrors.AuthenticationTimeout, CloseReason.AuthenticationTimeout);

    public override void RemoveSubscription(Subscription subscription)
    {
        if (Account is { } account)
        {
            _learned.Remove(account, subscription);
        }
    }

    public override bool ProcessReceived(ref System.Buffers.ReadOnlySequence<byte> buffer)
    {
        _reader.Read(ref buffer, new LeafOps(this));
        return !IsClosing;
    }

    protected override void OnClosed()
    {
        if (Account is { } account)
        {
            if (IsReady)
            {
                account.Interest.Detach(this);
            }

            // Everything learned over this link goes, and the account's other links hear LS-.
            _learned.Clear(account);
        }

        _solicitor?.Outbox?.Forwarder.Wake();
        if (IsReady)
        {
            Server.Events?.LeafDisconnected(this);
            Server.Log.Info($"{this} - Leafnode connection closed: {Reason} account: {Account}");
        }
        else
        {
            Server.Log.Debug($"{this} - Leafnode connection closed before it was set up: {Reason}");
        }
    }

    // Interest may flow from now on: the account's links list takes this one in and it hears the
    // loop-detection subject and every subject the far side should know of.
    private void BecomeReady()
    {
        MarkReady();
        Server.Log.Info($"{this} - Leafnode connection created{(IsSolicited ? " (uplink)" : string.Empty)} for account: {Account}");
        // The subject that reveals a loop if it comes back goes first, before any interest: the
        // account cannot tell this link of any until Attach takes it in.
        var account = Account!;
        Outbound.Append(Encoding.UTF8.GetBytes($"LS+ {account.LoopDetectionSubject}\r\n"));
        account.Interest.Attach(this);
        SignalSend();
        Server.Events?.LeafConnected(this);
        _solicitor?.Outbox?.LinkReady(this);
    }

    protected override void PongArrived() => _solicitor?.Outbox?.Forwarder.OnPong(this);
}
