using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The fields of a client's CONNECT. Absent fields take nats-server's defaults: verbose, pedantic and
/// echo are on until a client turns them off.
/// </summary>
/// <remarks>
/// The defaults are constructor defaults: the source generator builds the record through its
/// constructor, so property initializers would be overwritten for absent fields.
/// </remarks>
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
    /// Reads CONNECT's JSON; null when it is not a JSON object with fields of the right types, which
    /// nats-server answers by closing the connection without an -ERR.
    /// </summary>
    public static ConnectOptions? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, WireJsonContext.Default.ConnectOptions);
}
