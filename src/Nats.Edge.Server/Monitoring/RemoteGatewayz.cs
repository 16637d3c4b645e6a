using System.Diagnostics;
using System.Text.Json.Serialization;
using Nats.Edge.Server.Gateways;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One gateway link in <c>/gatewayz</c>, either direction, nats-server 2.9's <c>RemoteGatewayz</c>.</summary>
internal sealed class RemoteGatewayz
{
    /// <summary>An outbound to a cluster named in the config, not learned by gossip; always false on an inbound, as in nats-server.</summary>
    public bool Configured { get; init; }

    public required ConnectionInfo Connection { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<AccountGatewayz>? Accounts { get; init; }

    public static RemoteGatewayz Outbound(NatsServer server, GatewayManager gateways, GatewayConnection gateway, Filter filter)
    {
        var links = gateway.AccountLinks;
        var subscriptions = 0;
        foreach (var link in links)
        {
            subscriptions += link.Learned().Length;
        }

        List<AccountGatewayz>? accounts = null;
        if (filter.WithAccounts)
        {
            foreach (var link in links)
            {
                if (filter.Keeps(link.Account.Name))
                {
                    (accounts ??= []).Add(AccountGatewayz.Of(link));
                }
            }
        }

        return new RemoteGatewayz
        {
            Configured = gateway.RemoteName is { } name && gateways.IsConfigured(name),
            Connection = ConnectionInfo.FromGateway(gateway, server, subscriptions, Stopwatch.GetTimestamp()),
            Accounts = Sorted(accounts),
        };
    }

    public static RemoteGatewayz Inbound(NatsServer server, GatewayConnection gateway, Filter filter)
    {
        List<AccountGatewayz>? accounts = null;
        if (filter.WithAccounts)
        {
            foreach (var announced in gateway.AnnouncedAccounts)
            {
                if (filter.Keeps(announced.Account.Name))
                {
                    (accounts ??= []).Add(AccountGatewayz.Announced(announced.Account.Name));
                }
            }
        }

        // An inbound holds no interest of its own: what it announces is this cluster's subscriptions.
        return new RemoteGatewayz
        {
            Connection = ConnectionInfo.FromGateway(gateway, server, subscriptions: 0, Stopwatch.GetTimestamp()),
            Accounts = Sorted(accounts),
        };
    }

    // nats-server lists accounts in its maps' random order; by name reads better and compares.
    private static List<AccountGatewayz>? Sorted(List<AccountGatewayz>? accounts)
    {
        accounts?.Sort(static (x, y) => string.CompareOrdinal(x.Name, y.Name));
        return accounts;
    }

    /// <summary>The accounts asked for: none, all (<c>accs=1</c>), or the one <c>acc_name</c> names.</summary>
    public readonly record struct Filter(bool WithAccounts, string? AccountName)
    {
        public bool Keeps(string account) => AccountName is null || AccountName == account;
    }
}
