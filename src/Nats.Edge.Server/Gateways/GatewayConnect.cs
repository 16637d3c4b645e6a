using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// The CONNECT a dialling gateway sends first, in nats-server 2.9's field order. Without
/// <c>gateway</c> it is a client's or a route's that dialled the gateway port by mistake.
/// </summary>
internal sealed record GatewayConnect
{
    [JsonPropertyName("echo")]
    public bool Echo { get; init; }

    [JsonPropertyName("verbose")]
    public bool Verbose { get; init; }

    [JsonPropertyName("pedantic")]
    public bool Pedantic { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("pass")]
    public string? Password { get; init; }

    [JsonPropertyName("tls_required")]
    public bool TlsRequired { get; init; }

    [JsonPropertyName("headers")]
    public bool Headers { get; init; }

    /// <summary>The dialling server's id.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    // nats-server sends it empty from a gateway, so it is always written.
    [JsonPropertyName("cluster")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Cluster { get; init; }

    /// <summary>The dialling cluster's gateway name.</summary>
    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static GatewayConnect? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static GatewayConnect Read(ref WireJsonFields fields)
    {
        bool echo = false, verbose = false, pedantic = false, tlsRequired = false, headers = false;
        string? user = null, password = null, name = null, cluster = null, gateway = null;
        while (fields.Next())
        {
            fields.Read("echo"u8, ref echo);
            fields.Read("verbose"u8, ref verbose);
            fields.Read("pedantic"u8, ref pedantic);
            fields.Read("user"u8, ref user);
            fields.Read("pass"u8, ref password);
            fields.Read("tls_required"u8, ref tlsRequired);
            fields.Read("headers"u8, ref headers);
            fields.Read("name"u8, ref name);
            fields.Read("cluster"u8, ref cluster);
            fields.Read("gateway"u8, ref gateway);
        }

        return new GatewayConnect
        {
            Echo = echo,
            Verbose = verbose,
            Pedantic = pedantic,
            User = user,
            Password = password,
            TlsRequired = tlsRequired,
            Headers = headers,
            Name = name,
            Cluster = cluster,
            Gateway = gateway,
        };
    }
}
