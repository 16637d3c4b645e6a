using System.Text.Json.Serialization;
using Nats.Edge.Server.Protocol;

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
    public static RouteConnect? Parse(ReadOnlySpan<byte> json) => WireJson.Parse(json, WireJsonContext.Default.RouteConnect);
}
