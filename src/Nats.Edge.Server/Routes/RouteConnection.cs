using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// A route to another server of the cluster (nats-server's cluster protocol), dialled by this server or
/// accepted from it. Interest crosses as RS+/RS- and messages as RMSG/HMSG, each naming its account;
/// what crosses is decided per account by <see cref="RouteAccountLink"/>.
/// </summary>
internal sealed partial class RouteConnection : LinkConnection
{
    // nats-server 2.10+ pings routes at least this often whatever ping_interval says.
    private static readonly TimeSpan MaxPingInterval = TimeSpan.FromSeconds(30);

    private readonly RouteReader _reader;

    // One link per account, by the account name each RS+/RMSG starts with (read without a string).
    private readonly Dictionary<byte[], RouteAccountLink> _links = new(ByteKeyComparer.Instance);
    private readonly Lock _linksSync = new();

    /// <summary>A route this server dialled to <paramref name="solicitor"/>'s URL; <see cref="BeginSolicited"/> starts it.</summary>
    public RouteConnection(IServerContext server, Transport transport, ulong id, RouteSolicitor? solicitor)
        : base(server, transport, id)
    {
        Solicitor = solicitor;

        // Routes carry long interest lists; nats-server does not hold them to max_control_line.
        _reader = new RouteReader(Math.Max(server.Options.MaxControlLine, 64 * 1024), server.Options.MaxPayload);
    }

    /// <summary>The dial loop behind a solicited route; null for one the peer dialled.</summary>
    public RouteSolicitor? Solicitor { get; }

    public bool IsSolicited => Solicitor is not null;

    /// <summary>The peer's INFO once it arrived; its server id names the route.</summary>
    public RouteInfo? Peer { get; private set; }

    /// <summary>The peer's server id as a <c>_GR_.</c> reply names it; empty before its INFO.</summary>
    public byte[] GatewayHash { get; private set; } = [];

    public override LinkRole Role => LinkRole.Route;

    // The route itself matches nothing: each message is matched in its account's index.
    public override MatchCache? Matches => null;

    public override string ToString() => $"{RemoteEndPoint} - rid:{Id}";

    // The peer must finish the handshake within the cluster's auth timeout.
    protected override TimeSpan HandshakeTimeout => Server.Cluster!.Options.AuthTimeout;

    protected override TimeSpan PingInterval => PingIntervalAtMost(MaxPingInterval);

    protected override (string Client, string Gateway) PortNames => ("route", "Route");

    protected override void CloseForHandshakeTimeout() => CloseWithError(ProtocolErrors.AuthenticationTimeout, CloseReason.AuthenticationTimeout);

    // Subscriptions learned over a route are owned by its account links, which remove them.
    public override bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch) => false;

    public override void RemoveSubscription(Subscription subscription)
    {
    }

    public override bool ProcessReceived(ref System.Buffers.ReadOnlySequence<byte> buffer)
    {
        _reader.Read(ref buffer, new RouteOps(this));
        return !IsClosing;
    }

    protected override void OnClosed()
    {
        RouteAccountLink[] links;
        lock (_linksSync)
        {
            links = [.. _links.Values];
            _links.Clear();
        }

        foreach (var link in links)
        {
            link.Detach();
        }

        if (Server.Cluster!.Unregister(this))
        {
            Server.Cluster!.RoutesChanged();
            Server.Log.Info($"{this} - Route connection closed: {Reason}");
        }
        else
        {
            Server.Log.Debug($"{this} - Route connection closed before it was set up: {Reason}");
        }
    }

    /// <summary>A snapshot of what the peer announced, over all accounts: for <c>/routez</c>.</summary>
    public List<Subscription> LearnedInterest()
    {
        RouteAccountLink[] links;
        lock (_linksSync)
        {
            links = [.. _links.Values];
        }

        var learned = new List<Subscription>();
        foreach (var link in links)
        {
            learned.AddRange(link.Learned());
        }

        return learned;
    }

    // Registration makes each account's link, once. Attaching under the lock keeps OnClosed from
    // taking a link that is not attached yet.
    private void AddLink(Account account)
    {
        var link = new RouteAccountLink(this, account);
        lock (_linksSync)
        {
            _links[link.Name] = link;
            link.Attach();
        }
    }
}
