namespace Nats.Edge.Server.Gateways;

/// <summary>The INFOs and the CONNECT a gateway sends, as nats-server 2.9 writes them.</summary>
internal static class GatewayInfoWriter
{
    /// <summary>This server's gateway INFO: the first word on an accepted gateway, the second on a dialled one.</summary>
    public static byte[] Write(IServerContext server, GatewayManager gateways) =>
        WireJson.GatewayInfo(
            new GatewayInfo
            {
                ServerId = server.ServerId,
                ServerName = server.ServerName,
                Version = ServerVersion.Info,
                Go = InfoWriter.Runtime,
                Host = gateways.Options.Host,
                Port = gateways.EndPoint?.Port ?? 0,
                Headers = true,
                MaxPayload = server.Options.MaxPayload,
                AuthRequired = gateways.Options.Username is not null,
                TlsRequired = gateways.Tls is not null,
                TlsVerify = gateways.Tls?.RequiresClientCertificate ?? false,
                Gateway = gateways.Name,
                GatewayUrls = gateways.ClusterUrls,
                GatewayUrl = gateways.Url,
                NewReplyPrefix = true,
                InterestOnlyMode = true,
            },
            WireJsonContext.Default.GatewayInfo);

    /// <summary>Tells the far side of another cluster's gateway URLs, so it dials that cluster too.</summary>
    public static byte[] WriteGossip(IServerContext server, string gateway, IReadOnlyList<string> urls) =>
        WireJson.GatewayInfo(
            new GatewayInfo { ServerId = server.ServerId, Gateway = gateway, GatewayUrls = urls, Command = GatewayInfo.CommandGossip },
            WireJsonContext.Default.GatewayInfo);

    /// <summary>The start (2) or end (3) of an account's whole interest, which puts it in interest-only mode.</summary>
    public static byte[] WriteCommand(GatewayManager gateways, int command, string account) =>
        WireJson.GatewayInfo(
            new GatewayInfo
            {
                ServerId = string.Empty,
                ServerName = string.Empty,
                Version = string.Empty,
                Go = string.Empty,
                Host = string.Empty,
                Gateway = gateways.Name,
                Command = command,
                CommandPayload = Convert.ToBase64String(Encoding.UTF8.GetBytes(account)),
            },
            WireJsonContext.Default.GatewayInfo);

    /// <summary>The CONNECT a dialling gateway sends once the far side's INFO checked out.</summary>
    public static byte[] WriteConnect(IServerContext server, GatewayManager gateways, string? user, string? password, bool tls) =>
        WireJson.Connect(
            new GatewayConnect
            {
                User = user,
                Password = user is null ? null : password ?? string.Empty,
                TlsRequired = tls,
                Name = server.ServerId,
                Cluster = string.Empty,
                Gateway = gateways.Name,
            },
            WireJsonContext.Default.GatewayConnect);
}
