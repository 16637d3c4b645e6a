using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// This server's place in its cluster: the name, the route port, one route per peer server, the
/// dial loops that keep the full mesh, the gossip that tells every peer of a new server, and the
/// client URLs the cluster advertises.
/// </summary>
internal sealed class ClusterManager(NatsServer server, ClusterOptions options)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, RouteConnection> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Task> _routeDials = new();
    private readonly ConcurrentDictionary<string, byte> _dialling = new(StringComparer.Ordinal);

    // Route events arrive on their routes' threads: rebuilding under one lock keeps a list built from
    // an older snapshot of the routes from overwriting a newer one.
    private readonly Lock _clientConnectUrlsSync = new();
    private string[]? _clientConnectUrls;
    private Listener? _routeListener;
    private CancellationToken _stopping;

    public ClusterOptions Options => options;

    /// <summary>
    /// TLS on every route, as nats-server holds routes to it: mutual, whatever <c>verify</c> says,
    /// so an accepted route must present a certificate that chains to <c>ca_file</c>, and a dialled
    /// one checks the far server's. A reload replaces it for the routes set up afterwards; a route
    /// that is up keeps the session it has.
    /// </summary>
    public ServerTls? Tls { get; private set; } = Mutual(options.Tls);

    /// <summary>The configured name, or a generated one until a peer's configured name replaces it.</summary>
    public string Name { get; private set; } = options.Name ?? NewName();

    public bool NameIsDynamic { get; private set; } = options.Name is null;

    public bool RequiresAuthentication => options.Username is not null;

    /// <summary>The routes that are up, one per peer.</summary>
    public List<RouteConnection> Routes
    {
        get
        {
            lock (_sync)
            {
                return [.. _routes.Values];
            }
        }
    }

    public bool HasRoute(string serverId)
    {
        lock (_sync)
        {
            return _routes.ContainsKey(serverId);
        }
    }

    /// <summary>
    /// Registers the route to <paramref name="peerId"/>; false when one is registered already, and
    /// that one stays, as in nats-server. Two servers that dial each other at once have two
    /// connections, and each side keeps the first it registered. A registered route is never
    /// replaced: it may already carry interest and messages both ways, and whatever is in flight on
    /// a route that is dropped is lost. If the peer kept the other connection, both close and the
    /// dialling sides try again (see <see cref="RouteSolicitor"/>).
    /// </summary>
    public bool TryRegister(RouteConnection route, string peerId)
    {
        lock (_sync)
        {
            return _routes.TryAdd(peerId, route);
        }
    }

    /// <summary>Removes the route if it was the registered one for its peer; false otherwise.</summary>
    public bool Unregister(RouteConnection route)
    {
        lock (_sync)
        {
            return route.Peer?.ServerId is { } id && _routes.TryGetValue(id, out var current) && current == route && _routes.Remove(id);
        }
    }

    /// <summary>
    /// A peer names another cluster. A configured name stands; a generated one gives way to a
    /// configured one, and between generated names the greater wins on both sides, as in nats-server.
    /// </summary>
    public bool TryAdopt(string theirs, bool theirsIsDynamic, ServerLog log)
    {
        lock (_sync)
        {
            if (!NameIsDynamic)
            {
                return false;
            }

            if (theirsIsDynamic && string.CompareOrdinal(Name, theirs) > 0)
            {
                // Ours wins; the peer adopts it when it reads our INFO.
                return true;
            }

            Name = theirs;
            NameIsDynamic = theirsIsDynamic;
        }

        log.Info($"Cluster name updated to {theirs}");
        return true;
    }

    /// <summary>Takes the reloaded <c>cluster</c> block, whose only change is its <c>tls</c> (loaded by <paramref name="tls"/>).</summary>
    /// <summary>
    /// A reloaded block whose tls or compression changed: new routes take both. A route that is up
    /// keeps its TLS session; one whose compression would now be agreed differently is closed and set
    /// up again (the dialling side redials a second later), while a route to a server without
    /// compression, or already at the new mode, carries on.
    /// </summary>
    public void Reload(ClusterOptions reloaded, ServerTls? tls)
    {
        var compressionChanged = reloaded.Compression != options.Compression;
        options = reloaded;
        Tls = tls;
        if (!compressionChanged)
        {
            return;
        }

        foreach (var route in Routes)
        {
            if (route.Compression != CompressionModes.NotSupported && route.Compression != reloaded.Compression.Mode)
            {
                route.Close(CloseReason.ClientClosed);
            }
        }
    }

    public static ServerTls? Mutual(TlsOptions? tls) => tls is null ? null : new ServerTls(tls with { Verify = true });

    // nats-server generates a 22-character NUID; any unique name does, and it need not be secret.
    private static string NewName() => ServerIdentity.NewNuid();

    /// <summary>The bound route endpoint, once the listener is up.</summary>
    public IPEndPoint? EndPoint { get; private set; }

    /// <summary>
    /// What clients are told in <c>connect_urls</c>: this server's client address and every routed
    /// peer's, so a client can fail over across the cluster; null outside a cluster or with <c>no_advertise</c>.
    /// Built once per route event, not per INFO.
    /// </summary>
    public IReadOnlyList<string>? ClientConnectUrls => Volatile.Read(ref _clientConnectUrls);

    /// <summary>
    /// This server's own client address(es), as route INFO advertises them; empty with <c>no_advertise</c>.
    /// Resolved once when the client listener binds: on 0.0.0.0 it costs a DNS lookup.
    /// </summary>
    public IReadOnlyList<string> OwnClientUrls { get; private set; } = [];

    /// <summary>A route came up: the other routes hear of the new server so they dial it too, and clients get the new URLs.</summary>
    public void RouteReady(RouteConnection route)
    {
        var peer = route.Peer!;
        var gossip = RouteInfoWriter.WriteGossip(peer, $"nats-route://{NatsServer.FormatHostPort(route.RemoteEndPoint.Address.ToString(), peer.Port)}/");
        foreach (var other in Routes)
        {
            if (other != route)
            {
                other.Outbound.Append(gossip);
                other.SignalSend();
            }
        }

        server.Gateways?.GossipOutboundsTo(route);
        RoutesChanged();
    }

    /// <summary>A peer told of a server this one has no route to: dial it, so the mesh stays full.</summary>
    public void OnRouteGossip(RouteInfo info)
    {
        if (info.ServerId == server.ServerId || info.ServerId is null || HasRoute(info.ServerId)
            || !Uri.TryCreate(info.Ip, UriKind.Absolute, out var url))
        {
            return;
        }

        DialRoute(url, configured: false);
    }

    /// <summary>Binds the route port and starts accepting routes.</summary>
    public async Task ListenAsync(CancellationToken stopping, CancellationToken cancellationToken)
    {
        _stopping = stopping;
        _routeListener = await Listener.BindAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        EndPoint = _routeListener.EndPoint;
        server.Log.Info($"Cluster name is {Name}");
        if (NameIsDynamic)
        {
            server.Log.Warn("Cluster name was dynamically generated, consider setting one");
        }

        server.Log.Info($"Listening for route connections on {NatsServer.FormatHostPort(options.Host, EndPoint.Port)}");
        _routeListener.Start(AcceptRoute, server.Log);
    }

    /// <summary>Dials every configured route; each dial loop keeps its route up until shutdown.</summary>
    public void DialConfiguredRoutes()
    {
        foreach (var url in options.Routes)
        {
            DialRoute(url, configured: true);
        }
    }

    private void DialRoute(Uri url, bool configured)
    {
        var key = $"{url.Host}:{url.Port}";
        if (_stopping.IsCancellationRequested || !_dialling.TryAdd(key, 0))
        {
            return;
        }

        var solicitor = new RouteSolicitor(server, url, configured);
        var stopping = _stopping;
        _routeDials.Enqueue(Task.Run(
            async () =>
            {
                try
                {
                    await solicitor.RunAsync(stopping).ConfigureAwait(false);
                }
                finally
                {
                    _dialling.TryRemove(key, out _);
                }
            },
            CancellationToken.None));
    }

    private void AcceptRoute(Socket socket)
    {
        var route = new RouteConnection(server, Transport.Over(socket, server), server.Connections.NextId(), solicitor: null);
        server.Connections.Add(route);
        server.Log.Debug($"{route} - Route connection created (accepted)");
        route.Open(Tls);
    }

    /// <summary>Closes the route port and waits for every dial loop to end (the server's stop cancels them).</summary>
    public async Task StopAsync()
    {
        if (_routeListener is not null)
        {
            await _routeListener.StopAsync().ConfigureAwait(false);
        }

        while (_routeDials.TryDequeue(out var dial))
        {
            await dial.ConfigureAwait(false);
        }
    }

    /// <summary>The client listener is bound: its address(es) go into route INFO and clients' <c>connect_urls</c>.</summary>
    public void OnClientListening(string host, int port)
    {
        if (!options.NoAdvertise)
        {
            OwnClientUrls = NatsServer.AdvertisedAddresses(host, port);
            RebuildClientConnectUrls();
        }
    }

    /// <summary>
    /// A route came up, its peer's INFO changed, or it went: clients that take INFO updates learn the
    /// cluster's current client URLs, as nats-server tells them.
    /// </summary>
    public void RoutesChanged()
    {
        if (!options.NoAdvertise)
        {
            RebuildClientConnectUrls();
            foreach (var client in server.Connections.Of<Clients.ClientConnection>())
            {
                client.SendInfoUpdate();
            }
        }
    }

    private void RebuildClientConnectUrls()
    {
        lock (_clientConnectUrlsSync)
        {
            var urls = new List<string>(OwnClientUrls);
            foreach (var route in Routes)
            {
                foreach (var url in route.Peer?.ConnectUrls ?? [])
                {
                    if (!urls.Contains(url))
                    {
                        urls.Add(url);
                    }
                }
            }

            Volatile.Write(ref _clientConnectUrls, [.. urls]);
        }
    }
}
