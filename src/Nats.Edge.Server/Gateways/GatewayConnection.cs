using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// A gateway to a server of another cluster (nats-server's gateway protocol), either direction.
/// Messages travel only on outbound gateways, the ones this server dialled: the far side tells it,
/// per account, what its cluster has interest in (RS+/RS-, A+/A-). An inbound gateway, dialled by the
/// other cluster's server, carries this cluster's interest out and that server's messages in.
/// </summary>
internal sealed partial class GatewayConnection : LinkConnection
{
    // nats-server pings gateways at least this often whatever ping_interval says.
    private static readonly TimeSpan MaxPingInterval = TimeSpan.FromSeconds(15);

    private readonly RouteReader _reader;
    private readonly Uri? _dialled;

    // Per account: on an outbound, what the far cluster wants; on an inbound, the announcer of ours.
    // Made once at registration and read by the receive loop without the lock.
    private readonly Dictionary<byte[], GatewayAccountLink> _links = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], GatewayInterest> _inbound = new(ByteKeyComparer.Instance);
    private readonly HashSet<string> _unknownAccounts = new(StringComparer.Ordinal);

    // The same per-account state, published once registration filled it in, for /gatewayz to read
    // from another thread.
    private GatewayAccountLink[] _publishedLinks = [];
    private GatewayInterest[] _publishedInterest = [];

    /// <summary>A gateway this server dialled to <paramref name="solicitor"/>'s cluster; an accepted one has none.</summary>
    public GatewayConnection(IServerContext server, Transport transport, ulong id, GatewaySolicitor? solicitor, Uri? dialled = null)
        : base(server, transport, id)
    {
        Solicitor = solicitor;
        _dialled = dialled;
        RemoteName = solicitor?.Name;
        _reader = new RouteReader(Math.Max(server.Options.MaxControlLine, 64 * 1024), server.Options.MaxPayload, ProtocolDialect.Gateway);
    }

    public GatewaySolicitor? Solicitor { get; }

    /// <summary>True for the outbound this server dialled, false for an inbound.</summary>
    public bool IsOutbound => Solicitor is not null;

    /// <summary>The far cluster's gateway name: expected on an outbound, told by CONNECT on an inbound.</summary>
    public string? RemoteName { get; private set; }

    /// <summary>The hash of <see cref="RemoteName"/>, as <c>_GR_.</c> replies name the cluster.</summary>
    public byte[] RemoteHash { get; private set; } = [];

    /// <summary>The far server's INFO once it arrived.</summary>
    public GatewayInfo? Peer { get; private set; }

    /// <summary>Whether the far side takes HMSG; it said so in its INFO.</summary>
    public bool PeerHeaders => Peer?.Headers ?? true;

    public override LinkRole Role => LinkRole.Gateway;

    // Each message is matched in its account's index.
    public override MatchCache? Matches => null;

    private GatewayManager Gateways => Server.Gateways!;

    public override string ToString() => $"{RemoteEndPoint} - gid:{Id}";

    protected override TimeSpan HandshakeTimeout => Gateways.Options.AuthTimeout;

    protected override TimeSpan PingInterval => PingIntervalAtMost(MaxPingInterval);

    protected override (string Client, string Gateway) PortNames => ("gateway", "Gateway");

    protected override void CloseForHandshakeTimeout() => CloseWithError(ProtocolErrors.AuthenticationTimeout, CloseReason.AuthenticationTimeout);

    // Interest learned over a gateway belongs to its account links.
    public override bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch) => false;

    public override void RemoveSubscription(Subscription subscription)
    {
    }

    public override bool ProcessReceived(ref ReadOnlySequence<byte> buffer)
    {
        _reader.Read(ref buffer, new GatewayOps(this));
        return !IsClosing;
    }

    /// <summary>What the far cluster asked for, per account, on an outbound: for <c>/gatewayz</c>.</summary>
    public IReadOnlyList<GatewayAccountLink> AccountLinks => Volatile.Read(ref _publishedLinks);

    /// <summary>The accounts whose interest an inbound announces: for <c>/gatewayz</c>.</summary>
    public IReadOnlyList<GatewayInterest> AnnouncedAccounts => Volatile.Read(ref _publishedInterest);

    protected override void OnClosed()
    {
        foreach (var link in _links.Values)
        {
            link.Detach();
        }

        foreach (var announcer in _inbound.Values)
        {
            announcer.Detach();
        }

        if (Gateways.Unregister(this))
        {
            Server.Log.Info($"{this} - {(IsOutbound ? "Outbound" : "Inbound")} gateway connection to \"{RemoteName}\" closed: {Reason}");
        }
    }
}
