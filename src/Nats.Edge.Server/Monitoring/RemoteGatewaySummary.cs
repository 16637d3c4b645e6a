using System.Text.Json.Serialization;
using Nats.Edge.Server.Gateways;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One configured remote cluster in <c>/varz</c>'s <c>gateway.gateways</c>, nats-server 2.9's <c>RemoteGatewayOptsVarz</c>.</summary>
internal sealed class RemoteGatewaySummary
{
    public required string Name { get; init; }

    /// <summary>Seconds; only for a remote with its own TLS block.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double TlsTimeout { get; init; }

    /// <summary>
    /// Every URL known for the cluster as <c>host:port</c>, configured and learned from its servers,
    /// so credentials never reach the page; left out when none is known.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Urls { get; init; }

    public static RemoteGatewaySummary From(GatewayManager gateways, RemoteGatewayOptions remote)
    {
        // An entry naming this very cluster is never dialled: nats-server shows its configured URLs.
        var urls = remote.Name == gateways.Name ? ConfiguredUrls(remote) : gateways.KnownUrls(remote.Name);
        return new RemoteGatewaySummary
        {
            Name = remote.Name,
            TlsTimeout = remote.Tls?.Timeout.TotalSeconds ?? 0,
            Urls = urls.Count > 0 ? urls : null,
        };
    }

    private static List<string> ConfiguredUrls(RemoteGatewayOptions remote)
    {
        var urls = new List<string>(remote.Urls.Count);
        foreach (var url in remote.Urls)
        {
            // 7222: the gateway port a URL without one dials.
            urls.Add($"{url.Host}:{(url.Port > 0 ? url.Port : 7222)}");
        }

        return urls;
    }
}
