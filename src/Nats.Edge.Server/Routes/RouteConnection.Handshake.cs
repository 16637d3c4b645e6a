using System.Diagnostics;
using Nats.Edge.Server.Links;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Routes;

/// <summary>Setting a route up (INFO both ways, CONNECT from the dialler) and the ops that are not interest or messages.</summary>
internal sealed partial class RouteConnection
{
    private bool _connectReceived;

    /// <summary>Whether the peer takes HMSG; it said so in its INFO.</summary>
    public bool PeerHeaders => Peer?.Headers ?? true;

    /// <summary>
    /// Accepted: this server speaks first with its INFO, naming its compression mode, then waits for
    /// CONNECT and the peer's INFO. With <paramref name="tls"/> the TLS handshake comes before any of it.
    /// </summary>
    public void Open(ServerTls? tls)
    {
        var mode = OwnCompression.Mode;
        Outbound.Append(RouteInfoWriter.Write(Server, Nonces.ForLink(), mode == CompressionModes.NotSupported ? null : mode));
        SignalSend();
        Start(tls);
    }

    /// <summary>
    /// Dialled: CONNECT goes out at once, inside <paramref name="tls"/> when the route has TLS. This
    /// server's INFO follows at once too when it talks no compression, as nats-server 2.9 sends it;
    /// otherwise <see cref="BeginAsync"/> sends it once the peer's INFO has said what it takes.
    /// </summary>
    public void BeginSolicited(string? user, string? password, Stream? tls)
    {
        if (tls is not null)
        {
            UseStream(tls);
        }

        _connectReceived = true;
        Outbound.Append(RouteInfoWriter.WriteConnect(Server, user, password));
        var own = OwnCompression.Mode;
        if (!LinkCompression.Negotiates(own))
        {
            Outbound.Append(RouteInfoWriter.Write(Server, nonce: null, own == CompressionModes.NotSupported ? null : own));
        }

        SignalSend();
        Start();
    }

    public bool Admit(ClientOp op)
    {
        // The dialling server's first word must be CONNECT; anything else is taken as a failed login.
        if (_connectReceived || op == ClientOp.Connect)
        {
            return true;
        }

        Server.Log.Error($"{this} - Route Error: expected CONNECT first");
        CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
        return false;
    }

    public override void OnConnect(ReadOnlySpan<byte> json)
    {
        var cluster = Server.Cluster!;
        if (IsSolicited || _connectReceived)
        {
            return;
        }

        if (RouteConnect.Parse(json) is not { } connect)
        {
            Close(CloseReason.ParseError);
            return;
        }

        if (RefusesForeignConnect(connect.Lang, connect.Gateway))
        {
            return;
        }

        if (cluster.RequiresAuthentication
            && (connect.User != cluster.Options.Username || !PasswordCheck.Matches(cluster.Options.Password ?? string.Empty, connect.Password)))
        {
            Server.Log.Error($"{this} - authentication error - User \"{connect.User}\"");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        if (connect.Cluster is { } theirs && theirs != cluster.Name && !cluster.TryAdopt(theirs, connect.ClusterDynamic, Server.Log))
        {
            CloseWithError(
                Encoding.UTF8.GetBytes($"-ERR 'Rejecting connection, cluster name \"{theirs}\" does not match \"{cluster.Name}\"'\r\n"),
                CloseReason.ClusterNameConflict);
            return;
        }

        _connectReceived = true;
    }

    /// <summary>
    /// The peer's INFO: the first one sets the route up; later ones from the same server update it
    /// (client URLs, lame duck); one naming another server is gossip about a server to dial.
    /// </summary>
    public override void OnInfo(ReadOnlySpan<byte> json)
    {
        if (RouteInfo.Parse(json) is not { ServerId: { } serverId } info)
        {
            return;
        }

        if (Peer is { } peer)
        {
            if (info is { GatewayCommand: 1, Gateway: { } gateway })
            {
                Server.Gateways?.Learn(gateway, Gateways.GatewayUrls.Parse(info.GatewayUrls), configured: false);
            }
            else if (serverId == peer.ServerId)
            {
                Peer = info;
                Server.Cluster!.RoutesChanged();
            }
            else
            {
                Server.Cluster!.OnRouteGossip(info);
            }

            return;
        }

        Register(info, serverId);
    }

    /// <summary>A route that hears -ERR logs it and closes, as nats-server does.</summary>
    public override void OnErr(ReadOnlySpan<byte> text) => CloseOnPeerError("Route", text);

    public override void OnProtocolError(ProtocolError error) => CloseOnProtocolError("Route", error);

    private void Register(RouteInfo info, string serverId)
    {
        var cluster = Server.Cluster!;
        if (serverId == Server.ServerId)
        {
            // Our own route port, reached through some address: never dial it again.
            Server.Log.Debug($"{this} - Detected route to self, ignoring");
            Solicitor?.NoteSelf();
            Close(CloseReason.RouteToSelf);
            return;
        }

        if (info.Cluster is { } theirs && theirs != cluster.Name && !cluster.TryAdopt(theirs, info.ClusterDynamic, Server.Log))
        {
            Server.Log.Error($"{this} - Cluster name conflict: \"{theirs}\" is not \"{cluster.Name}\"");
            Close(CloseReason.ClusterNameConflict);
            return;
        }

        if (!LinkCompression.Negotiates(OwnCompression.Mode))
        {
            // Not asked, but told as nats-server tells it: a peer that knows compression sees "off".
            Compression = info.Compression is null or "" || OwnCompression.Mode == CompressionModes.NotSupported
                ? CompressionModes.NotSupported
                : CompressionModes.Off;
        }

        Peer = info;
        GatewayHash = Gateways.GatewayHash.Of(serverId);
        Solicitor?.NoteConnected(serverId);
        if (!cluster.TryRegister(this, serverId))
        {
            // No interest is announced on it from here and none is learned from it, so no message
            // ever crosses it. The dial loop now knows whom it reached: it waits while the other
            // connection serves and dials again once that one is gone (the peer may have kept this
            // connection and dropped that one).
            Server.Log.Debug($"{this} - Duplicate route to {serverId}, closing");
            Close(CloseReason.DuplicateRoute);
            return;
        }

        foreach (var account in Server.Accounts.All)
        {
            AddLink(account);
        }

        MarkReady();
        SendPing(Stopwatch.GetTimestamp());
        Server.Log.Info($"{this} - Route connection created");
        Server.Cluster!.RouteReady(this);
    }
}
