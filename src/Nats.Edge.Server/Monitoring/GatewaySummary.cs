using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/varz</c>'s <c>gateway</c> object, nats-server 2.9's <c>GatewayOptsVarz</c>: the gateway block
/// as configured, with the URLs known for each configured remote cluster; <c>{}</c> without a gateway,
/// since nats-server leaves out every empty field.
/// </summary>
internal sealed class GatewaySummary
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Host { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Port { get; init; }

    /// <summary>Seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double AuthTimeout { get; init; }

    /// <summary>Seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double TlsTimeout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsRequired { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool TlsVerify { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Advertise { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ConnectRetries { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RemoteGatewaySummary>? Gateways { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool RejectUnknown { get; init; }

    public static GatewaySummary From(NatsServer server)
    {
        if (server.Gateways is not { } gateways)
        {
            return new GatewaySummary();
        }

        var options = gateways.Options;
        List<RemoteGatewaySummary>? remotes = null;
        foreach (var remote in options.Gateways)
        {
            (remotes ??= []).Add(RemoteGatewaySummary.From(gateways, remote));
        }

        // nats-server marks both whenever the gateway block has TLS.
        var tls = options.Tls is not null;
        return new GatewaySummary
        {
            Name = options.Name,
            Host = options.Host,
            Port = gateways.EndPoint?.Port ?? options.Port,
            AuthTimeout = options.AuthTimeout.TotalSeconds,

            // nats-server shows its default TLS timeout, 2 s, even without TLS.
            TlsTimeout = options.Tls?.Timeout.TotalSeconds ?? 2,
            TlsRequired = tls,
            TlsVerify = tls,
            Advertise = options.Advertise,
            ConnectRetries = options.ConnectRetries,
            Gateways = remotes,
            RejectUnknown = options.RejectUnknown,
        };
    }
}
