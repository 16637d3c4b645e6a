using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// The INFO a hub sends a leaf, in nats-server's field order: a hub writes it, a leaf reads the first
/// (before CONNECT) and the one answering CONNECT, which adds <c>connect_info</c> and <c>remote_account</c>.
/// </summary>
internal sealed record HubInfo : ServerInfo
{
    public HubInfo()
    {
    }

    private HubInfo(ServerInfoFields shared)
        : base(shared)
    {
    }

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

    /// <summary>The sender's compression mode (nats-server 2.10+); absent from older servers, which never compress.</summary>
    [JsonPropertyName("compression")]
    public string? Compression { get; init; }

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
    public static HubInfo? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static HubInfo Read(ref WireJsonFields fields)
    {
        var shared = default(ServerInfoFields);
        string? ip = null, nonce = null, compression = null, remoteAccount = null;
        var maxPayload = 0;
        bool authRequired = false, tlsRequired = false, infoOnConnect = false, connectInfo = false;
        var clientId = 0UL;
        List<string>? leafnodeUrls = null;
        SubjectListPair? import = null, export = null;
        while (fields.Next())
        {
            shared.Read(ref fields);
            fields.Read("auth_required"u8, ref authRequired);
            fields.Read("tls_required"u8, ref tlsRequired);
            fields.Read("max_payload"u8, ref maxPayload);
            fields.Read("ip"u8, ref ip);
            fields.Read("client_id"u8, ref clientId);
            fields.Read("nonce"u8, ref nonce);
            fields.Read("compression"u8, ref compression);
            fields.Read("info_on_connect"u8, ref infoOnConnect);
            fields.Read("connect_info"u8, ref connectInfo);
            fields.Read("leafnode_urls"u8, ref leafnodeUrls);
            fields.Read("remote_account"u8, ref remoteAccount);
            fields.Read("import"u8, ref import, SubjectListPair.Read);
            fields.Read("export"u8, ref export, SubjectListPair.Read);
        }

        return new(shared)
        {
            AuthRequired = authRequired,
            TlsRequired = tlsRequired,
            MaxPayload = maxPayload,
            Ip = ip,
            ClientId = clientId,
            Nonce = nonce,
            Compression = compression,
            InfoOnConnect = infoOnConnect,
            ConnectInfo = connectInfo,
            LeafnodeUrls = leafnodeUrls,
            RemoteAccount = remoteAccount,
            Import = import,
            Export = export,
        };
    }
}
