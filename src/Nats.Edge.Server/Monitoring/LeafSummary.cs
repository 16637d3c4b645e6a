using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/varz</c>'s <c>leaf</c> object: the leafnode listener when there is one, the remotes when
/// there are some; <c>{}</c> without leafnodes, as nats-server shows it.
/// </summary>
internal sealed class LeafSummary
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Host { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Port { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double AuthTimeout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double TlsTimeout { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RemoteLeafSummary>? Remotes { get; init; }

    public static LeafSummary From(NatsServer server)
    {
        if (server.Options.Leafnodes is not { } leafnodes)
        {
            return new LeafSummary();
        }

        List<RemoteLeafSummary>? remotes = null;
        foreach (var remote in leafnodes.Remotes)
        {
            (remotes ??= []).Add(RemoteLeafSummary.From(remote));
        }

        if (server.LeafEndPoint is not { } endPoint)
        {
            return new LeafSummary { Remotes = remotes };
        }

        return new LeafSummary
        {
            Host = leafnodes.Host,
            Port = endPoint.Port,
            AuthTimeout = leafnodes.AuthTimeout.TotalSeconds,
            // nats-server shows its default TLS timeout, 2 s, even for a listener without TLS.
            TlsTimeout = leafnodes.Tls?.Timeout.TotalSeconds ?? 2,
            Remotes = remotes,
        };
    }
}
