using System.Text.Json.Serialization;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// The INFO a hub sends a leaf, in nats-server's field order: a hub writes it, a leaf reads the first
/// (before CONNECT) and the one answering CONNECT, which adds <c>connect_info</c> and <c>remote_account</c>.
/// </summary>
internal sealed record HubInfo
{
    [JsonPropertyName("server_id")]
    public string? ServerId { get; init; }

    [JsonPropertyName("server_name")]
    public string? ServerName { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("proto")]
    public int Proto { get; init; }

    [JsonPropertyName("go")]
    public string? Go { get; init; }

    [JsonPropertyName("host")]
    public string? Host { get; init; }

    [JsonPropertyName("port")]
    public int Port { get; init; }

    [JsonPropertyName("headers")]
    public bool Headers { get; init; }

    /// <summary>Always sent by a hub, login or not, as nats-server does.</summary>
    [JsonPropertyName("auth_required")]
    public bool AuthRequired { get; init; }

    [JsonPropertyName("tls_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("max_payload")]
    public int MaxPayload { get; init; }

    [JsonPropertyName("ip")]
    public string? Ip { get; init; }

    /// <summary>Non-zero from a hub: a client or route port's INFO has none.</summary>
    [JsonPropertyName("client_id")]
    public ulong ClientId { get; init; }

    [JsonPropertyName("nonce")]
    public string? Nonce { get; init; }

    /// <summary>The hub answers CONNECT with a second INFO.</summary>
    [JsonPropertyName("info_on_connect")]
    public bool InfoOnConnect { get; init; }

    /// <summary>This INFO is that answer.</summary>
    [JsonPropertyName("connect_info")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ConnectInfo { get; init; }

    /// <summary>Null when INFO had no <c>leafnode_urls</c>: then it is not a leafnode port.</summary>
    [JsonPropertyName("leafnode_urls")]
    public List<string>? LeafnodeUrls { get; init; }

    [JsonPropertyName("remote_account")]
    public string? RemoteAccount { get; init; }

    /// <summary>What the hub lets this leaf receive (its user's subscribe permissions), if it limits it.</summary>
    [JsonPropertyName("import")]
    public SubjectListPair? Import { get; init; }

    /// <summary>What the hub lets this leaf publish (its user's publish permissions), if it limits it.</summary>
    [JsonPropertyName("export")]
    public SubjectListPair? Export { get; init; }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static HubInfo? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, WireJsonContext.Default.HubInfo);
}
