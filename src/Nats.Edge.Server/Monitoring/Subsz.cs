using System.Text.Json.Serialization;
using System.Collections.Specialized;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// <c>/subsz?subs=1</c>: the index figures, then a page of subscriptions (optionally only those a
/// <c>test</c> subject reaches). Without <c>subs</c>, or when the page would be empty, nats-server
/// answers with the figures alone: <see cref="SublistStats"/>.
/// </summary>
internal sealed class Subsz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public long NumSubscriptions { get; init; }

    public long NumCache { get; init; }

    public long NumInserts { get; init; }

    public long NumRemoves { get; init; }

    public long NumMatches { get; init; }

    public double CacheHitRate { get; init; }

    public int MaxFanout { get; init; }

    public double AvgFanout { get; init; }

    /// <summary>Subscriptions on this page, which is what nats-server 2.9 counts here, not all that matched.</summary>
    public int Total { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }

    /// <summary>Null in the figures-only document the system account's SUBSZ answers with.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SubscriptionDetail>? SubscriptionsList { get; init; }

    /// <summary>The page asked for, or null when the figures alone are the answer.</summary>
    public static Subsz? From(NatsServer server, SublistStats stats, NameValueCollection query)
    {
        if (!QueryReader.Bool(query, "subs"))
        {
            return null;
        }

        var (offset, limit) = QueryReader.Paging(query);
        var test = QueryReader.Text(query, "test");
        if (test is not null && !SubjectRules.IsValidLiteral(Encoding.UTF8.GetBytes(test)))
        {
            throw new BadQueryException($"invalid test subject, must be valid publish subject: {test}");
        }

        var account = QueryReader.Text(query, "acc");
        var all = new List<SubscriptionDetail>();
        foreach (var candidate in server.Accounts.All)
        {
            if (account is null || candidate.Name == account)
            {
                Collect(candidate, test, all);
            }
        }

        if (offset >= all.Count)
        {
            return null;
        }

        var page = all.GetRange(offset, Math.Min(limit, all.Count - offset));
        return Figures(server, stats, offset, limit, page);
    }

    /// <summary>
    /// The figures in the page's frame, no list: what nats-server's SUBSZ over the system account
    /// answers without <c>subscriptions</c>, where its HTTP endpoint sends the figures alone; with
    /// <paramref name="page"/>, that page.
    /// </summary>
    public static Subsz Figures(NatsServer server, SublistStats stats, int offset, int limit, List<SubscriptionDetail>? page = null) =>
        new()
        {
            ServerId = server.ServerId,
            Now = GoFormat.Timestamp(DateTime.UtcNow),
            NumSubscriptions = stats.NumSubscriptions,
            NumCache = stats.NumCache,
            NumInserts = stats.NumInserts,
            NumRemoves = stats.NumRemoves,
            NumMatches = stats.NumMatches,
            CacheHitRate = stats.CacheHitRate,
            MaxFanout = stats.MaxFanout,
            AvgFanout = stats.AvgFanout,
            Total = page?.Count ?? 0,
            Offset = offset,
            Limit = limit,
            SubscriptionsList = page,
        };

    private static void Collect(Account account, string? test, List<SubscriptionDetail> destination)
    {
        var subscriptions = new List<Subscription>();
        if (test is null)
        {
            account.Subscriptions.CopyTo(subscriptions);
        }
        else
        {
            var match = account.Subscriptions.Match(Encoding.UTF8.GetBytes(test));
            subscriptions.AddRange(match.Plain);
            foreach (var group in match.QueueGroups)
            {
                subscriptions.AddRange(group.Members);
            }
        }

        foreach (var subscription in subscriptions)
        {
            destination.Add(SubscriptionDetail.From(subscription, account.Name));
        }
    }
}
