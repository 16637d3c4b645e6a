using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The INFO a client gets, as nats-server writes it: the orders are its field order, and flags it
/// leaves out when false (<c>omitempty</c>) are left out here too. <c>headers</c> goes out even when false.
/// </summary>
internal sealed record ClientInfo(
    [property: JsonPropertyName("server_id"), JsonPropertyOrder(0)] string ServerId,
    [property: JsonPropertyName("server_name"), JsonPropertyOrder(1)] string ServerName,
    [property: JsonPropertyName("version"), JsonPropertyOrder(2)] string Version,
    [property: JsonPropertyName("host"), JsonPropertyOrder(5)] string Host,
    [property: JsonPropertyName("port"), JsonPropertyOrder(6)] int Port,
    [property: JsonPropertyName("headers"), JsonPropertyOrder(7)] bool Headers,
    [property: JsonPropertyName("auth_required"), JsonPropertyOrder(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    bool AuthRequired,
    [property: JsonPropertyName("tls_required"), JsonPropertyOrder(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    bool TlsRequired,
    [property: JsonPropertyName("tls_verify"), JsonPropertyOrder(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    bool TlsVerify,
    [property: JsonPropertyName("max_payload"), JsonPropertyOrder(11)] int MaxPayload,
    [property: JsonPropertyName("client_id"), JsonPropertyOrder(12)] ulong ClientId,
    [property: JsonPropertyName("client_ip"), JsonPropertyOrder(13)] string ClientIp,
    [property: JsonPropertyName("nonce"), JsonPropertyOrder(14)] string? Nonce,
    [property: JsonPropertyName("ldm"), JsonPropertyOrder(16), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    bool LameDuck = false,
    [property: JsonPropertyName("connect_urls"), JsonPropertyOrder(15)] IReadOnlyList<string>? ConnectUrls = null)
{
    /// <summary>The client protocol: 1, which sends INFO updates to clients that ask for it.</summary>
    [JsonPropertyName("proto")]
    [JsonPropertyOrder(3)]
    public int Proto { get; } = 1;

    [JsonPropertyName("go")]
    [JsonPropertyOrder(4)]
    public string Go { get; } = InfoWriter.Runtime;
}
