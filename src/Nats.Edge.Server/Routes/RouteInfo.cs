using System.Text.Json.Serialization;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// A route's INFO, this server's or a peer's, in the field order nats-server 2.9 writes it; gossip
/// about a newly routed server is the same INFO, cut down, with <c>ip</c> saying where to dial it.
/// </summary>
internal sealed record RouteInfo
{
    [JsonPropertyName("server_id")]
    public string? ServerId { get; init; }

    // server_name, host and cluster go out even when a gossiped peer did not send them.
    [JsonPropertyName("server_name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ServerName { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("proto")]
    public int Proto { get; init; }

    [JsonPropertyName("go")]
    public string? Go { get; init; }

    [JsonPropertyName("host")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Host { get; init; }

    [JsonPropertyName("port")]
    public int Port { get; init; }

    [JsonPropertyName("headers")]
    public bool Headers { get; init; }

    /// <summary>Null in gossip, which leaves it out.</summary>
    [JsonPropertyName("max_payload")]
    public int? MaxPayload { get; init; }

    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("auth_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthRequired { get; init; }

    [JsonPropertyName("cluster")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Cluster { get; init; }

    [JsonPropertyName("cluster_dynamic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ClusterDynamic { get; init; }

    /// <summary>The server's client URLs; left out when there are none.</summary>
    [JsonPropertyName("connect_urls")]
    public IReadOnlyList<string>? ConnectUrls { get; init; }

    /// <summary>Where a gossiped server can be dialled: <c>nats-route://host:port/</c>.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static RouteInfo? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static RouteInfo Read(ref WireJsonFields fields)
    {
        string? serverId = null, serverName = null, version = null, go = null, host = null, nonce = null, cluster = null, ip = null;
        int proto = 0, port = 0;
        int? maxPayload = null;
        bool headers = false, authRequired = false, clusterDynamic = false;
        List<string>? connectUrls = null;
        while (fields.Next())
        {
            fields.Read("server_id"u8, ref serverId);
            fields.Read("server_name"u8, ref serverName);
            fields.Read("version"u8, ref version);
            fields.Read("proto"u8, ref proto);
            fields.Read("go"u8, ref go);
            fields.Read("host"u8, ref host);
            fields.Read("port"u8, ref port);
            fields.Read("headers"u8, ref headers);
            fields.Read("max_payload"u8, ref maxPayload);
            fields.Read("nonce"u8, ref nonce);
            fields.Read("auth_required"u8, ref authRequired);
            fields.Read("cluster"u8, ref cluster);
            fields.Read("cluster_dynamic"u8, ref clusterDynamic);
            fields.Read("connect_urls"u8, ref connectUrls);
            fields.Read("ip"u8, ref ip);
        }

        return new()
        {
            ServerId = serverId,
            ServerName = serverName,
            Version = version,
            Proto = proto,
            Go = go,
            Host = host,
            Port = port,
            Headers = headers,
            MaxPayload = maxPayload,
            Nonce = nonce,
            AuthRequired = authRequired,
            Cluster = cluster,
            ClusterDynamic = clusterDynamic,
            ConnectUrls = connectUrls,
            Ip = ip,
        };
    }
}
