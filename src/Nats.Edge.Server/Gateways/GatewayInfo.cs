using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// A gateway's INFO, this server's or a peer's, in nats-server 2.9's field order. The same record
/// carries the commands a gateway sends later as INFO: gossip of another cluster's URLs
/// (<c>gateway_cmd</c> 1) and the start and end of an account's switch to interest-only mode (2, 3),
/// the account's name then in <c>gateway_cmd_payload</c> as base64.
/// </summary>
internal sealed record GatewayInfo : ServerInfo
{
    /// <summary>Gossip: the INFO tells of another cluster's gateway URLs.</summary>
    public const int CommandGossip = 1;

    /// <summary>The account named in the payload starts its switch to interest-only mode.</summary>
    public const int CommandAllSubsStart = 2;

    /// <summary>The account named in the payload is in interest-only mode: its whole interest was sent.</summary>
    public const int CommandAllSubsComplete = 3;

    public GatewayInfo()
    {
    }

    private GatewayInfo(ServerInfoFields shared)
        : base(shared)
    {
    }

    [JsonPropertyName("max_payload")]
    public int MaxPayload { get; init; }

    [JsonPropertyName("auth_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AuthRequired { get; init; }

    [JsonPropertyName("tls_required")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("tls_verify")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsVerify { get; init; }

    /// <summary>The sender's gateway (cluster) name; an INFO without one is not from a gateway port.</summary>
    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>The gateway URLs of every server of that cluster known to the sender.</summary>
    [JsonPropertyName("gateway_urls")]
    public IReadOnlyList<string>? GatewayUrls { get; init; }

    /// <summary>The sender's own gateway URL.</summary>
    [JsonPropertyName("gateway_url")]
    public string? GatewayUrl { get; init; }

    /// <summary>The sender maps reply subjects with the <c>_GR_.</c> prefix.</summary>
    [JsonPropertyName("gateway_nrp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NewReplyPrefix { get; init; }

    /// <summary>The sender puts every account in interest-only mode at once (nats-server 2.9).</summary>
    [JsonPropertyName("gateway_iom")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InterestOnlyMode { get; init; }

    [JsonPropertyName("gateway_cmd")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Command { get; init; }

    /// <summary>The account a command is about, base64 as Go writes a byte slice.</summary>
    [JsonPropertyName("gateway_cmd_payload")]
    public string? CommandPayload { get; init; }

    /// <summary>The account a command names; null when the payload is absent or not base64.</summary>
    public string? CommandAccount()
    {
        if (CommandPayload is null)
        {
            return null;
        }

        var bytes = new byte[CommandPayload.Length];
        return Convert.TryFromBase64String(CommandPayload, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static GatewayInfo? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static GatewayInfo Read(ref WireJsonFields fields)
    {
        var shared = default(ServerInfoFields);
        int maxPayload = 0, command = 0;
        bool authRequired = false, tlsRequired = false, tlsVerify = false, newReplyPrefix = false, interestOnly = false;
        string? gateway = null, gatewayUrl = null, commandPayload = null;
        List<string>? gatewayUrls = null;
        while (fields.Next())
        {
            shared.Read(ref fields);
            fields.Read("max_payload"u8, ref maxPayload);
            fields.Read("auth_required"u8, ref authRequired);
            fields.Read("tls_required"u8, ref tlsRequired);
            fields.Read("tls_verify"u8, ref tlsVerify);
            fields.Read("gateway"u8, ref gateway);
            fields.Read("gateway_urls"u8, ref gatewayUrls);
            fields.Read("gateway_url"u8, ref gatewayUrl);
            fields.Read("gateway_nrp"u8, ref newReplyPrefix);
            fields.Read("gateway_iom"u8, ref interestOnly);
            fields.Read("gateway_cmd"u8, ref command);
            fields.Read("gateway_cmd_payload"u8, ref commandPayload);
        }

        return new(shared)
        {
            MaxPayload = maxPayload,
            AuthRequired = authRequired,
            TlsRequired = tlsRequired,
            TlsVerify = tlsVerify,
            Gateway = gateway,
            GatewayUrls = gatewayUrls,
            GatewayUrl = gatewayUrl,
            NewReplyPrefix = newReplyPrefix,
            InterestOnlyMode = interestOnly,
            Command = command,
            CommandPayload = commandPayload,
        };
    }
}
