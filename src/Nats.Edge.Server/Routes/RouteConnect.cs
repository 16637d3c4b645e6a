using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Routes;

/// <summary>
/// The CONNECT a dialling server sends first on a route, in nats-server 2.9's field order. A client
/// or gateway that dialled the route port by mistake gives itself away by <c>lang</c> or <c>gateway</c>.
/// </summary>
internal sealed record RouteConnect
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

    [JsonPropertyName("cluster")]
    public string? Cluster { get; init; }

    [JsonPropertyName("cluster_dynamic")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ClusterDynamic { get; init; }

    [JsonPropertyName("lang")]
    public string? Lang { get; init; }

    [JsonPropertyName("gateway")]
    public string? Gateway { get; init; }

    /// <summary>Null when the JSON is not an object with fields of the right types.</summary>
    public static RouteConnect? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, Read);

    private static RouteConnect Read(ref WireJsonFields fields)
    {
        bool echo = false, verbose = false, pedantic = false, tlsRequired = false, headers = false, clusterDynamic = false;
        string? user = null, password = null, name = null, cluster = null, lang = null, gateway = null;
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
            fields.Read("cluster_dynamic"u8, ref clusterDynamic);
            fields.Read("lang"u8, ref lang);
            fields.Read("gateway"u8, ref gateway);
        }

        return new()
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
            ClusterDynamic = clusterDynamic,
            Lang = lang,
            Gateway = gateway,
        };
    }
}
