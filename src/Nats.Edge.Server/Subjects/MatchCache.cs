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

    // The subject asked last and its result. A publisher mostly repeats one subject (a sensor's
    // readings, a benchmark's stream): comparing a few bytes answers it without hashing the subject
    // and probing the table, which was a sixth of the ingest path's time.
    private byte[] _lastSubject = [];
    private SubjectMatch? _lastMatch;

    // Written by the owner alone, read by monitoring from another thread: a figure a moment stale is
    // fine there, and the message path pays one plain increment per lookup.
    private long _hits;
    private long _misses;
    private long _fanoutSum;
    private int _maxFanout;

    /// <summary>The index this cache sits in front of: whose account the figures belong to.</summary>
    public SubjectIndex Index => index;

    /// <summary>The cache's figures so far.</summary>
    public MatchStatistics Statistics => new(
        Volatile.Read(ref _hits), Volatile.Read(ref _misses), Volatile.Read(ref _fanoutSum), Volatile.Read(ref _maxFanout), _entries.Count);

    public SubjectMatch Match(ReadOnlySpan<byte> subject)
    {
        var generation = index.Generation;
        if (generation != _generation)
        {
            _entries.Clear();
            _lastMatch = null;
            _generation = generation;
        }
        else if (_lastMatch is not null && subject.SequenceEqual(_lastSubject))
        {
            _hits++;
            return _lastMatch;
        }

        var lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(subject, out var key, out var match))
        {
            _hits++;
            return Remember(key, match);
        }

        match = index.Match(subject);
        _misses++;

        // nats-server's fan-out: plain subscribers plus one per queue group.
        var fanout = match.Plain.Length + match.QueueGroups.Length;
        _fanoutSum += fanout;
        _maxFanout = Math.Max(_maxFanout, fanout);
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        key = subject.ToArray();
        _entries[key] = match;
        return Remember(key, match);
    }

    private SubjectMatch Remember(byte[] subject, SubjectMatch match)
    {
        _lastSubject = subject;
        _lastMatch = match;
        return match;
    }
}
