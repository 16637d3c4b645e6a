namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// The INFO a hub sends a leaf, as nats-server writes it: always <c>auth_required</c>,
/// a non-zero <c>client_id</c> and <c>leafnode_urls</c>, without which a Go leaf takes the port for
/// a client port; the second INFO, after CONNECT, adds <c>connect_info</c> and <c>remote_account</c>.
/// </summary>
internal static class LeafInfoWriter
{
    public static byte[] Write(
        IServerContext server,
        ulong clientId,
        string? nonce,
        bool tlsRequired,
        string? remoteAccount,
        Configuration.PermissionOptions? permissions = null,
        string? compression = null)
    {
        var host = server.LeafEndPoint?.Address.ToString() ?? server.Options.Leafnodes?.Host ?? "0.0.0.0";
        var port = server.LeafEndPoint?.Port ?? 0;
        var info = new HubInfo
        {
            ServerId = server.ServerId,
            ServerName = server.ServerName,
            Version = ServerVersion.Info,
            Proto = 1,
            Go = InfoWriter.Runtime,
            Host = host,
            Port = port,
            Headers = true,
            AuthRequired = true,
            TlsRequired = tlsRequired,
            MaxPayload = server.Options.MaxPayload,
            Ip = $"{host}:{port}",
            ClientId = clientId,
            Nonce = nonce,
            Compression = compression,
            InfoOnConnect = true,
            ConnectInfo = remoteAccount is not null,
            LeafnodeUrls = [.. server.LeafnodeUrls],
            RemoteAccount = remoteAccount,
            Import = Lists(permissions?.Subscribe),
            Export = Lists(permissions?.Publish),
        };
        return WireJson.Info(info, WireJsonContext.Default.HubInfo);
    }

    // An empty deny list is left out; an empty allow list is sent: it allows nothing.
    private static SubjectListPair? Lists(Configuration.SubjectPermissionOptions? lists) =>
        lists is null ? null : new SubjectListPair(lists.Allow, lists.Deny is { Count: > 0 } deny ? deny : null);
}
