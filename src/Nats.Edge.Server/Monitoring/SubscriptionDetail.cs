using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>One subscription in <c>/connz?subs=detail</c> and <c>/subsz?subs=1</c> (the latter names the account).</summary>
internal sealed class SubscriptionDetail
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Account { get; init; }

    public required string Subject { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Qgroup { get; init; }

    public required string Sid { get; init; }

    public long Msgs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Max { get; init; }

    /// <summary>The owning connection; 0 for the server's own import subscriptions.</summary>
    public ulong Cid { get; init; }

    public static SubscriptionDetail From(Subscription subscription, string? account) => new()
    {
        Account = account,
        Subject = Encoding.UTF8.GetString(subscription.Subject),
        Qgroup = subscription.Queue is { } queue ? Encoding.UTF8.GetString(queue) : null,
        Sid = Encoding.UTF8.GetString(subscription.Sid),
        Msgs = subscription.Delivered,
        Max = subscription.MaxMessages,
        Cid = (subscription.Owner as Connection)?.Id ?? 0,
    };
}
