using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// A leaf's CONNECT, in the field order a leaf sends it: no <c>lang</c> (a hub takes that for a
/// client), one login (a JWT or an nkey signing the hub's nonce, else user, password or token).
/// The hub reads it once, and logs the leaf in with the same record.
/// </summary>
internal sealed record LeafConnect : IConnectCredentials
{
    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("jwt")]
    public string? Jwt { get; init; }

    [JsonPropertyName("nkey")]
    public string? Nkey { get; init; }

    [JsonPropertyName("sig")]
    public string? Signature { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("pass")]
    public string? Password { get; init; }

    [JsonPropertyName("auth_token")]
    public string? Token { get; init; }

    [JsonPropertyName("tls_required")]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("server_id")]
    public string? ServerId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }

    [JsonPropertyName("headers")]
    public bool Headers { get; init; }

    /// <summary>The leaf's <c>deny_imports</c> as sent: null (left out) when there are none.</summary>
    [JsonPropertyName("deny_pub")]
    public List<string>? DenyPub { get; init; }

    [JsonPropertyName("remote_account")]
    public string? RemoteAccount { get; init; }

    [JsonPropertyName("is_hub")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsHub { get; init; }

    /// <summary>A client library that dialled the leafnode port says what language it is written in.</summary>
    [JsonPropertyName("lang")]
    public string? Lang { get; init; }

    /// <summary>A gateway that dialled the leafnode port names its gateway.</summary>
    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>The leaf's <c>deny_imports</c>: subjects it does not want sent.</summary>
    [JsonIgnore]
    public List<string> DenyPublish => DenyPub ?? [];

    string? IConnectCredentials.AuthToken => Token;

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static LeafConnect? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static LeafConnect Read(ref WireJsonFields fields)
    {
        string? version = null, jwt = null, nkey = null, signature = null, user = null, password = null, token = null;
        string? serverId = null, name = null, cluster = null, remoteAccount = null, lang = null, gateway = null;
        bool tlsRequired = false, headers = false, isHub = false;
        List<string>? denyPub = null;
        while (fields.Next())
        {
            fields.Read("version"u8, ref version);
            fields.Read("jwt"u8, ref jwt);
            fields.Read("nkey"u8, ref nkey);
            fields.Read("sig"u8, ref signature);
            fields.Read("user"u8, ref user);
            fields.Read("pass"u8, ref password);
            fields.Read("auth_token"u8, ref token);
            fields.Read("tls_required"u8, ref tlsRequired);
            fields.Read("server_id"u8, ref serverId);
            fields.Read("name"u8, ref name);
            fields.Read("cluster"u8, ref cluster);
            fields.Read("headers"u8, ref headers);
            fields.ReadSubjects("deny_pub"u8, ref denyPub);
            fields.Read("remote_account"u8, ref remoteAccount);
            fields.Read("is_hub"u8, ref isHub);
            fields.Read("lang"u8, ref lang);
            fields.Read("gateway"u8, ref gateway);
        }

        return new()
        {
            Version = version,
            Jwt = jwt,
            Nkey = nkey,
            Signature = signature,
            User = user,
            Password = password,
            Token = token,
            TlsRequired = tlsRequired,
            ServerId = serverId,
            Name = name,
            Cluster = cluster,
            Headers = headers,
            DenyPub = denyPub,
            RemoteAccount = remoteAccount,
            IsHub = isHub,
            Lang = lang,
            Gateway = gateway,
        };
    }
}
