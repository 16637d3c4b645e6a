using System.Text.Json.Serialization;
using Nats.Edge.Server.Gateways;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One account on a gateway link in <c>/gatewayz?accs=1</c>, nats-server 2.9's <c>AccountGatewayz</c>.</summary>
internal sealed class AccountGatewayz
{
    // nats-server's gatewayMaxRUnsubBeforeSwitch: RS- for this many subjects switch an account to interest-only mode.
    private const int InterestOnlyAfter = 1000;

    public required string Name { get; init; }

    /// <summary><c>Optimistic</c>, <c>Transitioning</c> or <c>Interest-Only</c>.</summary>
    public required string InterestMode { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NoInterestCount { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int InterestOnlyThreshold { get; init; } = InterestOnlyAfter;

    /// <summary>Interest the far cluster announced in the account, queue groups included.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NumSubs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int NumQueueSubs { get; init; }

    /// <summary>An account on an outbound: how the far cluster tells this server what it wants.</summary>
    public static AccountGatewayz Of(GatewayAccountLink link)
    {
        var learned = link.Learned();
        var queues = 0;
        foreach (var subscription in learned)
        {
            if (subscription.Queue is not null)
            {
                queues++;
            }
        }

        return new AccountGatewayz
        {
            Name = link.Account.Name,
            InterestMode = link.InterestOnly ? "Interest-Only" : link.IsSwitching ? "Transitioning" : "Optimistic",
            NoInterestCount = link.NoInterestCount,
            NumSubs = learned.Length,
            NumQueueSubs = queues,
        };
    }

    /// <summary>
    /// An account on an inbound: this server switched it to interest-only mode at registration, as
    /// nats-server 2.9 does, and has no per-subject refusals to count.
    /// </summary>
    public static AccountGatewayz Announced(string account) => new() { Name = account, InterestMode = "Interest-Only" };
}
