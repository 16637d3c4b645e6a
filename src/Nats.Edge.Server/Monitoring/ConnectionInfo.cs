using System.Diagnostics;
using System.Security.Authentication;
using System.Text.Json.Serialization;
using Nats.Edge.Server.Clients;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One client in <c>/connz</c>, or a gateway's connection in <c>/gatewayz</c>: nats-server 2.9's <c>ConnInfo</c>.</summary>
internal sealed class ConnectionInfo
{
    public ulong Cid { get; init; }

    public string Kind { get; init; } = "Client";

    /// <summary>Only clients have one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; init; } = "nats";

    public required string Ip { get; init; }

    public int Port { get; init; }

    public required string Start { get; init; }

    public required string LastActivity { get; init; }

    /// <summary>A Go duration string; absent until a round trip was measured.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Rtt { get; init; }

    public required string Uptime { get; init; }

    public required string Idle { get; init; }

    public long PendingBytes { get; init; }

    public long InMsgs { get; init; }

    public long OutMsgs { get; init; }

    public long InBytes { get; init; }

    public long OutBytes { get; init; }

    public int Subscriptions { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Lang { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsVersion { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TlsCipherSuite { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthorizedUser { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Account { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? SubscriptionsList { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SubscriptionDetail>? SubscriptionsListDetail { get; init; }

    public static ConnectionInfo From(ClientConnection client, NatsServer server, ConnzQuery query, long now)
    {
        var connect = client.Connect;
        var traffic = TrafficCounts.Of(client);
        var tls = client.TlsStream;
        var subscriptions = query.Subscriptions || query.SubscriptionDetails ? client.SubscriptionList() : null;
        return new ConnectionInfo
        {
            Cid = client.Id,
            Ip = client.RemoteEndPoint.Address.ToString(),
            Port = client.RemoteEndPoint.Port,
            Start = GoFormat.Timestamp(server.WallClock(client.Started)),
            LastActivity = GoFormat.Timestamp(server.WallClock(client.LastActivity)),
            Rtt = client.Rtt > TimeSpan.Zero ? Configuration.GoDuration.Format(client.Rtt) : null,
            Uptime = GoFormat.Uptime(Stopwatch.GetElapsedTime(client.Started, now)),
            Idle = GoFormat.Uptime(Stopwatch.GetElapsedTime(client.LastActivity, now)),
            PendingBytes = client.Outbound.PendingBytes,
            InMsgs = traffic.InMessages,
            OutMsgs = traffic.OutMessages,
            InBytes = traffic.InBytes,
            OutBytes = traffic.OutBytes,
            Subscriptions = subscriptions?.Length ?? client.SubscriptionCount,
            Name = NullIfEmpty(connect.Name),
            Lang = NullIfEmpty(connect.Lang),
            Version = NullIfEmpty(connect.Version),
            TlsVersion = tls is null ? null : GoTlsVersion(tls.SslProtocol),
            TlsCipherSuite = tls?.NegotiatedCipherSuite.ToString(),
            AuthorizedUser = query.Auth ? client.UserName : null,

            // nats-server 2.9 names the account with auth=1 unless it is the global one.
            Account = query.Auth && client.Account.Name != Accounts.Account.GlobalName ? client.Account.Name : null,
            SubscriptionsList = query.Subscriptions ? SubjectLists.Of(subscriptions!) : null,
            SubscriptionsListDetail = query.SubscriptionDetails ? DetailList(subscriptions!) : null,
        };
    }

    /// <summary>
    /// A gateway link as <c>/gatewayz</c> shows it: kind <c>Gateway</c>, no type, named after the far
    /// server's id, holding the <paramref name="subscriptions"/> the far cluster announced over it.
    /// </summary>
    public static ConnectionInfo FromGateway(Gateways.GatewayConnection gateway, NatsServer server, int subscriptions, long now)
    {
        var traffic = TrafficCounts.Of(gateway);
        var tls = gateway.TlsStream;
        return new ConnectionInfo
        {
            Cid = gateway.Id,
            Kind = "Gateway",
            Type = null,
            Ip = gateway.RemoteEndPoint.Address.ToString(),
            Port = gateway.RemoteEndPoint.Port,
            Start = GoFormat.Timestamp(server.WallClock(gateway.Started)),
            LastActivity = GoFormat.Timestamp(server.WallClock(gateway.LastActivity)),
            Rtt = gateway.Rtt > TimeSpan.Zero ? Configuration.GoDuration.Format(gateway.Rtt) : null,
            Uptime = GoFormat.Uptime(Stopwatch.GetElapsedTime(gateway.Started, now)),
            Idle = GoFormat.Uptime(Stopwatch.GetElapsedTime(gateway.LastActivity, now)),
            PendingBytes = gateway.Outbound.PendingBytes,
            InMsgs = traffic.InMessages,
            OutMsgs = traffic.OutMessages,
            InBytes = traffic.InBytes,
            OutBytes = traffic.OutBytes,
            Subscriptions = subscriptions,
            Name = NullIfEmpty(gateway.Peer?.ServerId),
            TlsVersion = tls is null ? null : GoTlsVersion(tls.SslProtocol),
            TlsCipherSuite = tls?.NegotiatedCipherSuite.ToString(),
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    // Go's crypto/tls names: "1.2", "1.3".
    private static string GoTlsVersion(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls12 => "1.2",
        SslProtocols.Tls13 => "1.3",
        _ => protocol.ToString(),
    };

    private static List<SubscriptionDetail> DetailList(Subjects.Subscription[] subscriptions)
    {
        var details = new List<SubscriptionDetail>(subscriptions.Length);
        foreach (var subscription in subscriptions)
        {
            details.Add(SubscriptionDetail.From(subscription, account: null));
        }

        return details;
    }
}
