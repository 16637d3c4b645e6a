namespace Nats.Edge.Server.Routes;

/// <summary>The INFO and CONNECT a route sends, as nats-server 2.9 writes them.</summary>
internal static class RouteInfoWriter
{
    // Route protocol level 2: RS+/RMSG carry the account (what nats-server 2.9 speaks).
    private const int RouteProtocol = 2;

    /// <summary>
    /// This server's route INFO; <paramref name="nonce"/> only in the first one an accepted route gets;
    /// <paramref name="compression"/> is left out for a peer that must see a server without it.
    /// </summary>
    public static byte[] Write(IServerContext server, string? nonce, string? compression)
    {
        var cluster = server.Cluster!;
        var info = new RouteInfo
        {
            ServerId = server.ServerId,
            ServerName = server.ServerName,
            Version = ServerVersion.Info,
            Proto = RouteProtocol,
            Go = InfoWriter.Runtime,
            Host = cluster.Options.Host,
            Port = cluster.EndPoint!.Port,
            Headers = true,
            MaxPayload = server.Options.MaxPayload,
            Nonce = nonce,
            AuthRequired = cluster.RequiresAuthentication,
            TlsRequired = cluster.Tls is not null,
            TlsVerify = cluster.Tls is not null,
            Cluster = cluster.Name,
            ClusterDynamic = cluster.NameIsDynamic,
            ConnectUrls = Urls(cluster.OwnClientUrls),
            GatewayUrl = server.Gateways?.Url,
            Compression = compression,
        };
        return WireJson.Info(info, WireJsonContext.Default.RouteInfo);
    }

    /// <summary>
    /// Tells a route of a cluster this server has a gateway to, so the peer makes its own. The
    /// <c>GW</c> before the server id keeps the peer from taking the INFO for a new server to route to.
    /// </summary>
    public static byte[] WriteGatewayGossip(IServerContext server, string gateway, IReadOnlyList<string> urls) =>
        WireJson.Info(
            new RouteInfo
            {
                ServerId = "GW" + server.ServerId,
                ServerName = server.ServerName,
                Gateway = gateway,
                GatewayUrls = urls,
                GatewayCommand = 1,
            },
            WireJsonContext.Default.RouteInfo);

    /// <summary>
    /// A newly routed server's INFO passed on to the other routes, with <c>ip</c> saying where to dial
    /// it, so they open their own route to it and the mesh stays full.
    /// </summary>
    public static byte[] WriteGossip(RouteInfo peer, string ip)
    {
        var gossip = new RouteInfo
        {
            ServerId = peer.ServerId,
            ServerName = peer.ServerName,
            Proto = RouteProtocol,
            Host = peer.Host,
            Port = peer.Port,
            Headers = peer.Headers,
            Cluster = peer.Cluster,
            ConnectUrls = Urls(peer.ConnectUrls),
            Ip = ip,
        };
        return WireJson.Info(gossip, WireJsonContext.Default.RouteInfo);
    }

    /// <summary>The CONNECT a dialling server sends first.</summary>
    public static byte[] WriteConnect(IServerContext server, string? user, string? password)
    {
        var cluster = server.Cluster!;
        var connect = new RouteConnect
        {
            Echo = true,
            User = user,
            Password = user is null ? null : password ?? string.Empty,
            TlsRequired = cluster.Tls is not null,
            Headers = true,
            Name = server.ServerId,
            Cluster = cluster.Name,
            ClusterDynamic = cluster.NameIsDynamic,
        };
        return WireJson.Connect(connect, WireJsonContext.Default.RouteConnect);
    }

    // An empty connect_urls is left out, as nats-server's omitempty leaves it out.
    private static IReadOnlyList<string>? Urls(IReadOnlyList<string>? urls) => urls is { Count: > 0 } ? urls : null;
}
