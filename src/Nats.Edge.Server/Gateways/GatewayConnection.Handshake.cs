using System.Diagnostics;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// Setting a gateway up, as nats-server 2.9 does: the accepting server speaks first with its INFO;
/// the dialling server checks it names the cluster it meant to reach, then sends CONNECT and its own
/// INFO. Later INFOs are commands: gossip of another cluster, and an account's switch to
/// interest-only mode.
/// </summary>
internal sealed partial class GatewayConnection
{
    private bool _connectReceived;

    /// <summary>
    /// Accepted: this server's INFO goes first (inside TLS, after the handshake, when the gateway has
    /// TLS); CONNECT and the far INFO must follow.
    /// </summary>
    public void Open()
    {
        Outbound.Append(GatewayInfoWriter.Write(Server, Gateways));
        SignalSend();
        Start(Gateways.Tls);
    }

    /// <summary>Dialled: the far server speaks first, with its INFO (inside TLS when <paramref name="tls"/> was set up).</summary>
    public void BeginSolicited(Stream? tls)
    {
        if (tls is not null)
        {
            UseStream(tls);
        }

        Start();
    }

    public bool Admit(ClientOp op)
    {
        // An inbound's first word must be CONNECT; anything else is taken as a failed login.
        if (IsOutbound || _connectReceived || op == ClientOp.Connect)
        {
            return true;
        }

        Server.Log.Error($"{this} - Gateway Error: expected CONNECT first");
        CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
        return false;
    }

    public override void OnConnect(ReadOnlySpan<byte> json)
    {
        if (IsOutbound || _connectReceived)
        {
            return;
        }

        if (GatewayConnect.Parse(json) is not { } connect)
        {
            Close(CloseReason.ParseError);
            return;
        }

        if (connect.Gateway is not { Length: > 0 } name)
        {
            // A client or a route that dialled the gateway port.
            CloseWithError("-ERR 'attempted to connect to gateway port'\r\n"u8, CloseReason.ProtocolViolation);
            return;
        }

        var options = Gateways.Options;
        if (options.RejectUnknown && !Gateways.IsConfigured(name))
        {
            Server.Log.Error($"{this} - Gateway Error: rejecting connection from unknown gateway \"{name}\"");
            CloseWithError(Encoding.UTF8.GetBytes($"-ERR 'Connection to gateway \"{Gateways.Name}\" rejected'\r\n"), CloseReason.ProtocolViolation);
            return;
        }

        if (options.Username is { } user && (connect.User != user || !PasswordCheck.Matches(options.Password ?? string.Empty, connect.Password)))
        {
            Server.Log.Error($"{this} - authentication error - User \"{connect.User}\"");
            CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
            return;
        }

        RemoteName = name;
        _connectReceived = true;
    }

    public override void OnInfo(ReadOnlySpan<byte> json)
    {
        if (GatewayInfo.Parse(json) is not { } info)
        {
            return;
        }

        if (Peer is null)
        {
            if (IsOutbound)
            {
                RegisterOutbound(info);
            }
            else if (_connectReceived)
            {
                RegisterInbound(info);
            }

            return;
        }

        switch (info.Command)
        {
            case GatewayInfo.CommandGossip when info.Gateway is { } other && other != Gateways.Name:
                Gateways.Learn(other, GatewayUrls.Parse(info.GatewayUrls), configured: false);
                break;
            case GatewayInfo.CommandAllSubsStart or GatewayInfo.CommandAllSubsComplete when IsOutbound:
                if (info.CommandAccount() is { } account && Link(Encoding.UTF8.GetBytes(account)) is { } link)
                {
                    link.Switch(complete: info.Command == GatewayInfo.CommandAllSubsComplete);
                }

                break;
        }
    }

    /// <summary>A gateway that hears -ERR logs it and closes, as nats-server does.</summary>
    public override void OnErr(ReadOnlySpan<byte> text) => CloseOnPeerError("Gateway", text);

    public override void OnProtocolError(ProtocolError error) => CloseOnProtocolError("Gateway", error);

    // The far INFO on a gateway this server dialled: it must name the cluster dialled, then CONNECT
    // and this server's INFO go out, and the outbound carries messages from here on.
    private void RegisterOutbound(GatewayInfo info)
    {
        var expected = RemoteName!;
        if (info.Gateway is null)
        {
            CloseWithError(Encoding.UTF8.GetBytes($"-ERR 'Attempt to connect to gateway \"{expected}\" using wrong port'\r\n"), CloseReason.ProtocolViolation);
            return;
        }

        if (info.Gateway != expected)
        {
            Server.Log.Error($"{this} - Gateway Error: wanted to connect to \"{expected}\", this is \"{info.Gateway}\"");
            CloseWithError(
                Encoding.UTF8.GetBytes($"-ERR 'Connection from \"{Gateways.Name}\" rejected, wanted to connect to \"{expected}\", this is \"{info.Gateway}\"'\r\n"),
                CloseReason.ProtocolViolation);
            return;
        }

        Peer = info;
        RemoteHash = GatewayHash.Of(expected);
        var (user, password) = Solicitor!.Credentials(_dialled);
        Outbound.Append(GatewayInfoWriter.WriteConnect(Server, Gateways, user, password, TlsStream is not null));
        Outbound.Append(GatewayInfoWriter.Write(Server, Gateways));
        if (!Gateways.TryRegisterOutbound(this, expected))
        {
            Server.Log.Debug($"{this} - Duplicate outbound gateway to \"{expected}\", closing");
            Close(CloseReason.DuplicateRoute);
            return;
        }

        Solicitor.NoteConnected();
        if (info.GatewayUrls is { Count: > 0 } urls)
        {
            Gateways.Learn(expected, GatewayUrls.Parse(urls), configured: Gateways.IsConfigured(expected));
        }

        foreach (var account in Server.Accounts.All)
        {
            var link = new GatewayAccountLink(this, account, interestOnly: info.InterestOnlyMode);
            _links[link.Name] = link;
        }

        Volatile.Write(ref _publishedLinks, [.. _links.Values]);

        MarkReady();
        SendPing(Stopwatch.GetTimestamp());
        Server.Log.Info($"{this} - Outbound gateway connection to \"{expected}\" ({info.ServerId}) registered");
    }

    // The far INFO on a gateway dialled by the other cluster: this cluster's interest goes out,
    // account by account, each as the switch to interest-only mode that nats-server 2.9 makes at
    // once; the other clusters this server knows are gossiped; and, if this server has no outbound
    // to that cluster yet, it dials one.
    private void RegisterInbound(GatewayInfo info)
    {
        Peer = info;
        RemoteHash = GatewayHash.Of(RemoteName!);
        Gateways.RegisterInbound(this);
        MarkReady();
        foreach (var account in Server.Accounts.All)
        {
            var announcer = new GatewayInterest(this, account);
            _inbound[announcer.Name] = announcer;
            Outbound.Append(GatewayInfoWriter.WriteCommand(Gateways, GatewayInfo.CommandAllSubsStart, account.Name));
            announcer.Attach();
            Outbound.Append(GatewayInfoWriter.WriteCommand(Gateways, GatewayInfo.CommandAllSubsComplete, account.Name));
        }

        Volatile.Write(ref _publishedInterest, [.. _inbound.Values]);

        SendPing(Stopwatch.GetTimestamp());
        Server.Log.Info($"{this} - Inbound gateway connection from \"{RemoteName}\" ({info.ServerId}) registered");
        Gateways.GossipTo(this, RemoteName!);
        Gateways.InboundFrom(RemoteName!, GatewayUrls.Parse(info.GatewayUrls));
    }
}
