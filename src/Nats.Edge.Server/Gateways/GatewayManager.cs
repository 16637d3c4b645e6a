using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// This server's place in the super-cluster: its cluster's gateway name, the gateway port, one
/// outbound gateway per remote cluster (the only way messages leave), the inbound gateways other
/// clusters' servers dialled (the way this cluster's interest reaches them), the dial loops, and the
/// gossip by which every server learns of every cluster.
/// </summary>
internal sealed class GatewayManager
{
    private readonly NatsServer _server;
    private readonly GatewayOptions _options;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, GatewayConnection> _outbound = new(StringComparer.Ordinal);
    private readonly List<GatewayConnection> _inbound = [];
    private readonly Dictionary<string, GatewaySolicitor> _solicitors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task> _dials = new();
    private GatewayConnection[] _outboundList = [];
    private Listener? _listener;
    private CancellationToken _stopping;

    public GatewayManager(NatsServer server, GatewayOptions options)
    {
        _server = server;
        _options = options;
        ClusterHash = GatewayHash.Of(options.Name);
        ServerHash = GatewayHash.Of(server.ServerId);

        // Loaded once, so a bad certificate stops the server instead of failing each handshake.
        Tls = options.Tls is { } tls ? new ServerTls(tls) : null;
    }

    /// <summary>
    /// The gateway block's TLS: the server side of every accepted gateway (TLS before any word, as
    /// nats-server runs it) and, with each remote's own <c>tls</c> over it, the client side of every
    /// dialled one; null for plain gateways.
    /// </summary>
    public ServerTls? Tls { get; }

    public GatewayOptions Options => _options;

    /// <summary>This cluster's gateway name.</summary>
    public string Name => _options.Name;

    /// <summary>The hash of <see cref="Name"/> in <c>_GR_.</c> reply subjects.</summary>
    public byte[] ClusterHash { get; }

    /// <summary>The hash of this server's id in <c>_GR_.</c> reply subjects.</summary>
    public byte[] ServerHash { get; }

    /// <summary>Replies that came in mapped, and the subjects they go back on.</summary>
    public GatewayReplies Replies { get; } = new();

    /// <summary>The bound gateway endpoint, once the listener is up.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>This server's own gateway URL (<c>host:port</c>), as other clusters dial it.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The gateway URLs of this cluster's servers this one knows: its own and its routed peers'.</summary>
    public IReadOnlyList<string> ClusterUrls
    {
        get
        {
            var urls = new List<string> { Url };
            foreach (var route in _server.Cluster?.Routes ?? [])
            {
                if (route.Peer?.GatewayUrl is { Length: > 0 } url && !urls.Contains(url))
                {
                    urls.Add(url);
                }
            }

            return urls;
        }
    }

    /// <summary>The outbound gateways that are up, one per remote cluster; read on the message path without a lock.</summary>
    public GatewayConnection[] Outbound => Volatile.Read(ref _outboundList);

    /// <summary>The inbound gateways, a snapshot.</summary>
    public List<GatewayConnection> Inbound
    {
        get
        {
            lock (_sync)
            {
                return [.. _inbound];
            }
        }
    }

    /// <summary>Binds the gateway port and starts accepting other clusters' servers.</summary>
    public async Task ListenAsync(CancellationToken stopping, CancellationToken cancellationToken)
    {
        _stopping = stopping;
        _listener = await Listener.BindAsync(_options.Host, _options.Port, cancellationToken).ConfigureAwait(false);
        EndPoint = _listener.EndPoint;
        Url = _options.Advertise ?? NatsServer.AdvertisedAddresses(_options.Host, EndPoint.Port)[0];
        _server.Log.Info($"Gateway name is {Name}");
        _server.Log.Info($"Listening for gateways connections on {NatsServer.FormatHostPort(_options.Host, EndPoint.Port)}");
        _listener.Start(Accept, _server.Log);
    }

    /// <summary>Dials every configured remote cluster; each dial loop keeps its outbound up until shutdown.</summary>
    public void DialConfigured()
    {
        foreach (var remote in _options.Gateways)
        {
            if (remote.Name != Name)
            {
                Learn(remote.Name, remote.Urls, configured: true);
            }
        }
    }

    /// <summary>
    /// URLs of cluster <paramref name="name"/>'s gateways, configured or learned: the cluster is dialled
    /// if it was not yet (unless unknown clusters are refused), and its dial loop takes the URLs in.
    /// </summary>
    public void Learn(string name, IReadOnlyList<Uri> urls, bool configured)
    {
        if (name == Name || _stopping.IsCancellationRequested)
        {
            return;
        }

        GatewaySolicitor solicitor;
        lock (_sync)
        {
            if (_solicitors.TryGetValue(name, out var known))
            {
                known.Learn(urls);
                return;
            }

            if ((!configured && _options.RejectUnknown) || urls.Count == 0)
            {
                return;
            }

            solicitor = new GatewaySolicitor(_server, this, name, urls, configured);
            _solicitors.Add(name, solicitor);
        }

        var stopping = _stopping;
        _dials.Enqueue(Task.Run(() => RunAsync(solicitor, stopping), CancellationToken.None));
    }

    // A learned cluster's dial loop gives up after connect_retries; it is forgotten then, so the next
    // word of that cluster (gossip, or its server dialling in) starts a fresh one.
    private async Task RunAsync(GatewaySolicitor solicitor, CancellationToken stopping)
    {
        try
        {
            await solicitor.RunAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            lock (_sync)
            {
                if (_solicitors.TryGetValue(solicitor.Name, out var current) && current == solicitor)
                {
                    _solicitors.Remove(solicitor.Name);
                }
            }
        }
    }

    /// <summary>
    /// A server of cluster <paramref name="name"/> dialled this one: its URLs are learned, and an
    /// outbound to that cluster is dialled at once if none is up, so answers to its requests have a
    /// way back without waiting out a redial backoff.
    /// </summary>
    public void InboundFrom(string name, IReadOnlyList<Uri> urls)
    {
        Learn(name, urls, configured: IsConfigured(name));
        GatewaySolicitor? solicitor;
        lock (_sync)
        {
            _solicitors.TryGetValue(name, out solicitor);
        }

        if (solicitor is not null && !HasOutbound(name))
        {
            solicitor.DialNow();
        }
    }

    /// <summary>Whether <paramref name="name"/> is a cluster this server was configured with.</summary>
    public bool IsConfigured(string name)
    {
        foreach (var remote in _options.Gateways)
        {
            if (remote.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The TLS options toward cluster <paramref name="name"/>, when any.</summary>
    public RemoteTlsOptions? TlsFor(string name)
    {
        foreach (var remote in _options.Gateways)
        {
            if (remote.Name == name)
            {
                return remote.Tls;
            }
        }

        return null;
    }

    /// <summary>Cluster <paramref name="name"/>'s gateway URLs as <c>host:port</c>, configured then learned; empty when it is not dialled.</summary>
    public IReadOnlyList<string> KnownUrls(string name)
    {
        GatewaySolicitor? solicitor;
        lock (_sync)
        {
            _solicitors.TryGetValue(name, out solicitor);
        }

        return solicitor?.HostPorts() ?? [];
    }

    public bool HasOutbound(string name)
    {
        lock (_sync)
        {
            return _outbound.ContainsKey(name);
        }
    }

    /// <summary>Registers the outbound to cluster <paramref name="name"/>; false when one is up already, and that one stays.</summary>
    public bool TryRegisterOutbound(GatewayConnection gateway, string name)
    {
        lock (_sync)
        {
            if (!_outbound.TryAdd(name, gateway))
            {
                return false;
            }

            Volatile.Write(ref _outboundList, [.. _outbound.Values]);
        }


        // The rest of the cluster makes its own gateway to that cluster.
        var gossip = Routes.RouteInfoWriter.WriteGatewayGossip(_server, name, GossipUrls(name));
        foreach (var route in _server.Cluster?.Routes ?? [])
        {
            route.Outbound.Append(gossip);
            route.SignalSend();
        }

        return true;
    }

    /// <summary>A new route hears of every cluster this server has a gateway to.</summary>
    public void GossipOutboundsTo(Routes.RouteConnection route)
    {
        foreach (var gateway in Outbound)
        {
            if (gateway.RemoteName is { } name)
            {
                route.Outbound.Append(Routes.RouteInfoWriter.WriteGatewayGossip(_server, name, GossipUrls(name)));
            }
        }

        route.SignalSend();
    }

    private IReadOnlyList<string> GossipUrls(string name)
    {
        lock (_sync)
        {
            return _solicitors.TryGetValue(name, out var solicitor) ? solicitor.HostPorts() : [];
        }
    }

    public void RegisterInbound(GatewayConnection gateway)
    {
        lock (_sync)
        {
            _inbound.Add(gateway);
        }
    }

    /// <summary>Forgets a gateway that closed; true when it was registered.</summary>
    public bool Unregister(GatewayConnection gateway)
    {
        lock (_sync)
        {
            if (_inbound.Remove(gateway))
            {
                return true;
            }

            if (gateway.RemoteName is { } name && _outbound.TryGetValue(name, out var current) && current == gateway)
            {
                _outbound.Remove(name);
                Volatile.Write(ref _outboundList, [.. _outbound.Values]);
                return true;
            }

            return false;
        }
    }

    /// <summary>The outbound to the cluster whose hash is <paramref name="clusterHash"/>; null when none is up.</summary>
    public GatewayConnection? OutboundByHash(ReadOnlySpan<byte> clusterHash)
    {
        foreach (var gateway in Outbound)
        {
            if (gateway.RemoteHash.AsSpan().SequenceEqual(clusterHash))
            {
                return gateway;
            }
        }

        return null;
    }

    /// <summary>
    /// An inbound from cluster <paramref name="from"/> is up: it hears of every other cluster this
    /// server knows, so the far server dials them too (implicit gateways).
    /// </summary>
    public void GossipTo(GatewayConnection inbound, string from)
    {
        List<(string Name, IReadOnlyList<string> Urls)> known = [];
        lock (_sync)
        {
            foreach (var (name, solicitor) in _solicitors)
            {
                if (name != from)
                {
                    known.Add((name, solicitor.HostPorts()));
                }
            }
        }

        foreach (var (name, urls) in known)
        {
            inbound.Outbound.Append(GatewayInfoWriter.WriteGossip(_server, name, urls));
        }

        inbound.SignalSend();
    }

    /// <summary>
    /// Delivers what came over a gateway (or, mapped, over a route) into <paramref name="account"/>:
    /// an answer on a mapped subject goes on toward its requester's server; a mapped reply subject is
    /// delivered bare and remembered for the answer.
    /// </summary>
    public void Deliver(Account account, MatchCache matches, in InboundMessage message, DeliveryBatch batch, QueueFilter queues)
    {
        if (GatewayHash.TrySplit(message.Subject, out var cluster, out var serverHash, out var bare))
        {
            DeliverAnswer(account, matches, message, cluster, serverHash, bare, batch);
            return;
        }

        if (GatewayHash.TrySplit(message.Reply, out _, out _, out var bareReply))
        {
            Replies.Remember(account, bareReply, message.Reply);
            var local = new InboundMessage(message.Subject, bareReply, message.SizeTokens, message.HeaderSize, message.Data);
            MessageDelivery.Deliver(matches.Match(local.Subject), local, publisher: null, batch, queues);
            return;
        }

        MessageDelivery.Deliver(matches.Match(message.Subject), message, publisher: null, batch, queues);
    }

    /// <summary>A responder here answers on a subject that came in mapped: the answer goes the mapped way.</summary>
    public void SendAnswer(Account account, MatchCache matches, ReadOnlySpan<byte> mapped, in InboundMessage message, DeliveryBatch batch)
    {
        if (GatewayHash.TrySplit(mapped, out var cluster, out var serverHash, out var bare))
        {
            var answer = new InboundMessage(mapped, message.Reply, message.SizeTokens, message.HeaderSize, message.Data);
            DeliverAnswer(account, matches, answer, cluster, serverHash, bare, batch);
        }
    }

    // To the requester's cluster over its outbound; within this cluster to the requester's server
    // over the route to it, the subject still mapped; on that server, bare to the requester.
    private void DeliverAnswer(
        Account account, MatchCache matches, in InboundMessage message, ReadOnlySpan<byte> cluster, ReadOnlySpan<byte> serverHash, ReadOnlySpan<byte> bare, DeliveryBatch batch)
    {
        var name = account.NameBytes;
        if (!cluster.SequenceEqual(ClusterHash))
        {
            if (OutboundByHash(cluster) is { } outbound)
            {
                MessageWriter.ToLink(outbound, name, message, [], outbound.PeerHeaders, batch);
            }

            return;
        }

        if (serverHash.SequenceEqual(ServerHash))
        {
            var local = new InboundMessage(bare, message.Reply, message.SizeTokens, message.HeaderSize, message.Data);
            MessageDelivery.Deliver(matches.Match(bare), local, publisher: null, batch);
            return;
        }

        foreach (var route in _server.Cluster?.Routes ?? [])
        {
            if (route.GatewayHash.AsSpan().SequenceEqual(serverHash))
            {
                MessageWriter.ToLink(route, name, message, [], route.PeerHeaders, batch);
                return;
            }
        }
    }

    /// <summary>Stops accepting and dialling.</summary>
    public async Task StopAsync()
    {
        if (_listener is not null)
        {
            await _listener.StopAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_dials).ConfigureAwait(false);
    }

    private void Accept(Socket socket)
    {
        var gateway = new GatewayConnection(_server, Transport.Over(socket, _server), _server.Connections.NextId(), solicitor: null);
        _server.Connections.Add(gateway);
        gateway.Open();
    }
}
