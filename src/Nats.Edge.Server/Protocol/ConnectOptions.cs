using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The fields of a client's CONNECT. Absent fields take nats-server's defaults: verbose, pedantic and
/// echo are on until a client turns them off.
/// </summary>
internal sealed record ConnectOptions(
    [property: JsonPropertyName("verbose")] bool Verbose = true,
    [property: JsonPropertyName("pedantic")] bool Pedantic = true,
    [property: JsonPropertyName("echo")] bool Echo = true,
    [property: JsonPropertyName("headers")] bool Headers = false,
    [property: JsonPropertyName("no_responders")] bool NoResponders = false,
    [property: JsonPropertyName("protocol")] int Protocol = 0,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("lang")] string? Lang = null,
    [property: JsonPropertyName("version")] string? Version = null,
    [property: JsonPropertyName("auth_token")] string? AuthToken = null,
    [property: JsonPropertyName("user")] string? User = null,
    [property: JsonPropertyName("pass")] string? Password = null,
    [property: JsonPropertyName("account")] string? Account = null,
    [property: JsonPropertyName("nkey")] string? Nkey = null,
    [property: JsonPropertyName("sig")] string? Signature = null,
    [property: JsonPropertyName("new_account")] bool NewAccount = false) : IConnectCredentials
{
    /// <summary>The defaults a client runs with before its first CONNECT.</summary>
    public static ConnectOptions Default { get; } = new();

    /// <summary>
    /// The -ERR for a CONNECT that contradicts itself or asks for a protocol nats-server does not
    /// speak, which closes the connection; empty when the options stand.
    /// </summary>
    [JsonIgnore]
    public ReadOnlySpan<byte> Refusal =>
        Protocol is < 0 or > 1 ? ProtocolErrors.InvalidClientProtocol
        : NoResponders && !Headers ? ProtocolErrors.NoRespondersRequiresHeaders
        : default;

    /// <summary>
    /// Reads CONNECT's JSON; null when it is not a JSON object with fields of the right types, which
    /// nats-server answers by closing the connection without an -ERR.
    /// </summary>
    public static ConnectOptions? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static ConnectOptions Read(ref WireJsonFields fields)
    {
        bool verbose = Default.Verbose, pedantic = Default.Pedantic, echo = Default.Echo, headers = false, noResponders = false, newAccount = false;
        var protocol = 0;
        string? name = null, lang = null, version = null, authToken = null, user = null, password = null, account = null, nkey = null, signature = null;
        while (fields.Next())
        {
            fields.Read("verbose"u8, ref verbose);
            fields.Read("pedantic"u8, ref pedantic);
            fields.Read("echo"u8, ref echo);
            fields.Read("headers"u8, ref headers);
            fields.Read("no_responders"u8, ref noResponders);
            fields.Read("protocol"u8, ref protocol);
            fields.Read("name"u8, ref name);
            fields.Read("lang"u8, ref lang);
            fields.Read("version"u8, ref version);
            fields.Read("auth_token"u8, ref authToken);
            fields.Read("user"u8, ref user);
            fields.Read("pass"u8, ref password);
            fields.Read("account"u8, ref account);
            fields.Read("nkey"u8, ref nkey);
            fields.Read("sig"u8, ref signature);
            fields.Read("new_account"u8, ref newAccount);
        }

        return new(verbose, pedantic, echo, headers, noResponders, protocol, name, lang, version, authToken, user, password, account, nkey, signature, newAccount);
    }
}
