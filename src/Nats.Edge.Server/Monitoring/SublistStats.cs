namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// Subscription index figures: nats-server's <c>SublistStats</c>, the whole of a plain <c>/subsz</c>
/// and an account's <c>sublist_stats</c>. The cache figures come from the connections' own match
/// caches (ours sit in front of the index, one per connection) and the fan-out is over the results
/// those caches computed.
/// </summary>
internal sealed class SublistStats
{
    public long NumSubscriptions { get; init; }

    public long NumCache { get; init; }

    public long NumInserts { get; init; }

    public long NumRemoves { get; init; }

    public long NumMatches { get; init; }

    public double CacheHitRate { get; init; }

    public int MaxFanout { get; init; }

    public double AvgFanout { get; init; }

    /// <summary>Over <paramref name="accounts"/>: every account for <c>/subsz</c>, one for <c>/accountz</c>.</summary>
    public static SublistStats From(NatsServer server, IReadOnlyCollection<Account> accounts)
    {
        long subscriptions = 0;
        long inserts = 0;
        long removes = 0;
        var caches = default(MatchStatistics);
        foreach (var account in accounts)
        {
            var index = account.Subscriptions;
            subscriptions += index.Count;
            inserts += index.Inserts;
            removes += index.Removes;
            caches = caches.Add(index.ClosedCaches);
        }

        foreach (var connection in LiveConnections(server))
        {
            if (connection.Matches is { } matches && IsIn(matches.Index, accounts))
            {
                caches = caches.Add(matches.Statistics);
            }
        }

        return new SublistStats
        {
            NumSubscriptions = subscriptions,
            NumCache = caches.Entries,
            NumInserts = inserts,
            NumRemoves = removes,
            NumMatches = caches.Lookups,
            CacheHitRate = caches.Lookups == 0 ? 0 : (double)caches.Hits / caches.Lookups,
            MaxFanout = caches.MaxFanout,
            AvgFanout = caches.Misses == 0 ? 0 : (double)caches.FanoutSum / caches.Misses,
        };
    }

    private static IEnumerable<Connection> LiveConnections(NatsServer server)
    {
        foreach (var client in server.Connections.Of<Clients.ClientConnection>())
        {
            yield return client;
        }

        foreach (var leaf in server.Connections.Of<Leafnodes.LeafConnection>())
        {
            yield return leaf;
        }
    }

    private static bool IsIn(SubjectIndex index, IReadOnlyCollection<Account> accounts)
    {
        foreach (var account in accounts)
        {
            if (account.Subscriptions == index)
            {
                return true;
            }
        }

        return false;
    }
}
