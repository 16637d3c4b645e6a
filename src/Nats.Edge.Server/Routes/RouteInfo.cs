using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// A route's INFO, this server's or a peer's, in the field order nats-server 2.9 writes it; gossip
/// about a newly routed server is the same INFO, cut down, with <c>ip</c> saying where to dial it.
/// </summary>
internal sealed record RouteInfo : ServerInfo
{
    public RouteInfo()
    {
    }

    private RouteInfo(ServerInfoFields shared)
        : base(shared)
    {
    }

    /// <summary>Null in gossip, which leaves it out.</summary>
    [JsonPropertyName("max_payload")]
    public int? MaxPayload { get; init; }

    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    [JsonPropertyName("auth_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthRequired { get; init; }

    /// <summary>Written, never read: a route's TLS is this server's own <c>cluster.tls</c>, whatever the peer says.</summary>
    [JsonPropertyName("tls_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("tls_verify")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsVerify { get; init; }

    // Like server_name and host, cluster goes out even when a gossiped peer did not send it.
    [JsonPropertyName("cluster")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Cluster { get; init; }

    [JsonPropertyName("cluster_dynamic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ClusterDynamic { get; init; }

    /// <summary>The server's client URLs; left out when there are none.</summary>
    [JsonPropertyName("connect_urls")]
    public IReadOnlyList<string>? ConnectUrls { get; init; }

    /// <summary>The server's own gateway URL, when its cluster is part of a super-cluster.</summary>
    [JsonPropertyName("gateway_url")]
    public string? GatewayUrl { get; init; }

    /// <summary>In gateway gossip (<c>gateway_cmd</c> 1): a cluster the sender has a gateway to.</summary>
    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>In gateway gossip: that cluster's gateway URLs.</summary>
    [JsonPropertyName("gateway_urls")]
    public IReadOnlyList<string>? GatewayUrls { get; init; }

    [JsonPropertyName("gateway_cmd")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int GatewayCommand { get; init; }

    /// <summary>Where a gossiped server can be dialled: <c>nats-route://host:port/</c>.</summary>
    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>
    /// The sender's compression mode (nats-server 2.10+), then the mode it chose once it heard the
    /// peer's; absent from a server that knows no compression, which therefore gets none.
    /// </summary>
    [JsonPropertyName("compression")]
    public string? Compression { get; init; }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static RouteInfo? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static RouteInfo Read(ref WireJsonFields fields)
    {
        var shared = default(ServerInfoFields);
        string? nonce = null, cluster = null, ip = null, gatewayUrl = null, gateway = null, compression = null;
        int? maxPayload = null;
        var gatewayCommand = 0;
        List<string>? gatewayUrls = null;
        bool authRequired = false, clusterDynamic = false;
        List<string>? connectUrls = null;
        while (fields.Next())
        {
            shared.Read(ref fields);
            fields.Read("max_payload"u8, ref maxPayload);
            fields.Read("nonce"u8, ref nonce);
            fields.Read("auth_required"u8, ref authRequired);
            fields.Read("cluster"u8, ref cluster);
            fields.Read("cluster_dynamic"u8, ref clusterDynamic);
            fields.Read("connect_urls"u8, ref connectUrls);
            fields.Read("ip"u8, ref ip);
            fields.Read("gateway_url"u8, ref gatewayUrl);
            fields.Read("gateway"u8, ref gateway);
            fields.Read("gateway_urls"u8, ref gatewayUrls);
            fields.Read("gateway_cmd"u8, ref gatewayCommand);
            fields.Read("compression"u8, ref compression);
        }

        return new(shared)
        {
            MaxPayload = maxPayload,
            Nonce = nonce,
            AuthRequired = authRequired,
            Cluster = cluster,
            ClusterDynamic = clusterDynamic,
            ConnectUrls = connectUrls,
            Ip = ip,
            GatewayUrl = gatewayUrl,
            Gateway = gateway,
            GatewayUrls = gatewayUrls,
            GatewayCommand = gatewayCommand,
            Compression = compression,
        };
    }
}
