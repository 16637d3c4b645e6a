namespace Nats.Edge.Server.Subjects;

/// <summary>
/// What match caches did: lookups answered from the cache, trie walks on a miss, the fan-out of the
/// results walked, and the entries held now. Summed over connections for <c>/subsz</c>.
/// </summary>
internal readonly record struct MatchStatistics(long Hits, long Misses, long FanoutSum, int MaxFanout, int Entries)
{
    public long Lookups => Hits + Misses;

    public MatchStatistics Add(MatchStatistics other) => new(
        Hits + other.Hits, Misses + other.Misses, FanoutSum + other.FanoutSum, Math.Max(MaxFanout, other.MaxFanout), Entries + other.Entries);
}
