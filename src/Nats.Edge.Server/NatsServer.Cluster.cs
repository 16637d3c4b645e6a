using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Server;

public sealed partial class NatsServer
{
    private readonly ConcurrentQueue<Task> _routeDials = new();
    private readonly ConcurrentDictionary<string, byte> _dialling = new(StringComparer.Ordinal);
    private Socket? _routeListener;
    private Task _routeAcceptLoop = Task.CompletedTask;

    /// <summary>The bound route endpoint; null without a cluster.</summary>
    public IPEndPoint? ClusterEndPoint { get; private set; }

    internal ClusterState? Cluster { get; }

    /// <summary>How many other servers this one has a route to.</summary>
    public int RouteCount => Cluster?.Routes.Count ?? 0;

    // Route events arrive on their routes' threads: rebuilding under one lock keeps a list built from
    // an older snapshot of the routes from overwriting a newer one.
    private readonly Lock _clientConnectUrlsSync = new();
    private string[]? _clientConnectUrls;

    /// <summary>
    /// What clients are told in <c>connect_urls</c>: this server's client address and every routed
    /// peer's, so a client can fail over across the cluster; null outside a cluster or with <c>no_advertise</c>.
    /// Built once per route event, not per INFO.
    /// </summary>
    internal IReadOnlyList<string>? ClientConnectUrls => Volatile.Read(ref _clientConnectUrls);

    /// <summary>
    /// This server's own client address(es), as route INFO advertises them; empty with <c>no_advertise</c>.
    /// Resolved once when the client listener binds: on 0.0.0.0 it costs a DNS lookup.
    /// </summary>
    internal IReadOnlyList<string> OwnClientUrls { get; private set; } = [];

    /// <summary>A route came up: the other routes hear of the new server so they dial it too, and clients get the new URLs.</summary>
    internal void RouteReady(RouteConnection route)
    {
        var peer = route.Peer!;
        var gossip = RouteInfoWriter.WriteGossip(peer, $"nats-route://{FormatHostPort(route.RemoteEndPoint.Address.ToString(), peer.Port)}/");
        foreach (var other in Cluster!.Routes)
        {
            if (other != route)
            {
                other.Outbound.Append(gossip);
                other.SignalSend();
            }
        }

        RoutesChanged();
    }

    /// <summary>A peer told of a server this one has no route to: dial it, so the mesh stays full.</summary>
    internal void OnRouteGossip(RouteInfo info)
    {
        if (info.ServerId == ServerId || info.ServerId is null || Cluster!.HasRoute(info.ServerId)
            || !Uri.TryCreate(info.Ip, UriKind.Absolute, out var url))
        {
            return;
        }

        DialRoute(url, configured: false);
    }

    private async Task StartClusterAsync(CancellationToken cancellationToken)
    {
        var cluster = Cluster!;
        var options = cluster.Options;
        var listener = await ListenAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        _routeListener = listener;
        ClusterEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        Log.Info($"Cluster name is {cluster.Name}");
        if (cluster.NameIsDynamic)
        {
            Log.Warn("Cluster name was dynamically generated, consider setting one");
        }

        Log.Info($"Listening for route connections on {FormatHostPort(options.Host, ClusterEndPoint.Port)}");
        _routeAcceptLoop = AcceptLoopAsync(listener, AcceptRoute, _stopping.Token);
    }

    private void StartRouteDials()
    {
        foreach (var url in Cluster?.Options.Routes ?? [])
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

        var solicitor = new RouteSolicitor(this, url, configured);
        var stopping = _stopping.Token;
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
        var route = new RouteConnection(this, socket, Connections.NextId(), solicitor: null);
        Connections.Add(route);
        Log.Debug($"{route} - Route connection created (accepted)");
        route.Open();
    }

    private async Task StopClusterAsync()
    {
        _routeListener?.Dispose();
        await _routeAcceptLoop.ConfigureAwait(false);
        while (_routeDials.TryDequeue(out var dial))
        {
            try
            {
                await dial.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown ends every dial loop this way.
            }
        }
    }

    private void ResolveOwnClientUrls()
    {
        if (Cluster is { Options.NoAdvertise: false })
        {
            OwnClientUrls = AdvertisedAddresses(Options.Host, ClientEndPoint.Port);
            RebuildClientConnectUrls();
        }
    }

    /// <summary>
    /// A route came up, its peer's INFO changed, or it went: clients that take INFO updates learn the
    /// cluster's current client URLs, as nats-server tells them.
    /// </summary>
    internal void RoutesChanged()
    {
        if (Cluster is { Options.NoAdvertise: false })
        {
            RebuildClientConnectUrls();
            foreach (var client in Connections.Of<Clients.ClientConnection>())
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
            foreach (var route in Cluster!.Routes)
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
