namespace Nats.Edge.Server.Subjects;

/// <summary>
/// A connection's private memo of subject → result, so the message path neither locks nor walks
/// the trie for subjects it has seen. Owned by one receive loop, hence no locking. Stale results are
/// dropped wholesale when the index's generation moves.
/// </summary>
internal sealed class MatchCache(SubjectIndex index)
{
    // Bounded so a publisher cycling through unique subjects cannot grow it without limit.
    private const int Capacity = 1024;

    private readonly Dictionary<byte[], SubjectMatch> _entries = new(ByteKeyComparer.Instance);
    private long _generation = -1;

    public SubjectMatch Match(ReadOnlySpan<byte> subject)
    {
        var generation = index.Generation;
        if (generation != _generation)
        {
            _entries.Clear();
            _generation = generation;
        }

        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(subject, out var match))
        {
            return match;
        }

        match = index.Match(subject);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        lookup[subject] = match;
        return match;
    }
}
