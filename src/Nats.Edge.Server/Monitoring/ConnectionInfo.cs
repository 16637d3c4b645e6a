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

    // What every connection shows, whatever its kind; each kind adds its own fields on top.
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private ConnectionInfo(Connection connection, NatsServer server, long now)
    {
        var traffic = TrafficCounts.Of(connection);
        var tls = connection.TlsStream;
        Cid = connection.Id;
        Ip = connection.RemoteEndPoint.Address.ToString();
        Port = connection.RemoteEndPoint.Port;
        Start = GoFormat.Timestamp(server.WallClock(connection.Started));
        LastActivity = GoFormat.Timestamp(server.WallClock(connection.LastActivity));
        Rtt = connection.Rtt > TimeSpan.Zero ? Configuration.GoDuration.Format(connection.Rtt) : null;
        Uptime = GoFormat.Uptime(Stopwatch.GetElapsedTime(connection.Started, now));
        Idle = GoFormat.Uptime(Stopwatch.GetElapsedTime(connection.LastActivity, now));
        PendingBytes = connection.Outbound.PendingBytes;
        InMsgs = traffic.InMessages;
        OutMsgs = traffic.OutMessages;
        InBytes = traffic.InBytes;
        OutBytes = traffic.OutBytes;
        TlsVersion = GoFormat.TlsVersion(tls);
        TlsCipherSuite = tls?.NegotiatedCipherSuite.ToString();
    }

    public static ConnectionInfo From(ClientConnection client, NatsServer server, ConnzQuery query, long now)
    {
        var connect = client.Connect;
        var subscriptions = query.Subscriptions || query.SubscriptionDetails ? client.SubscriptionList() : null;
        return new ConnectionInfo(client, server, now)
        {
            Subscriptions = subscriptions?.Length ?? client.SubscriptionCount,
            Name = NullIfEmpty(connect.Name),
            Lang = NullIfEmpty(connect.Lang),
            Version = NullIfEmpty(connect.Version),
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
    public static ConnectionInfo FromGateway(Gateways.GatewayConnection gateway, NatsServer server, int subscriptions, long now) =>
        new(gateway, server, now)
        {
            Kind = "Gateway",
            Type = null,
            Subscriptions = subscriptions,
            Name = NullIfEmpty(gateway.Peer?.ServerId),
        };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

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
