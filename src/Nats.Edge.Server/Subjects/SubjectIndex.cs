namespace Nats.Edge.Server.Subjects;

/// <summary>
/// An account's subscriptions as a token trie (nats-server's sublist). Literal tokens hang off a
/// dictionary probed with spans; '*' and '>' have their own child so a match visits at most three
/// branches per token. Writers take a lock; readers on the message path go through a
/// <see cref="MatchCache"/> and only reach <see cref="Match"/> on a miss. Every insert or removal
/// bumps <see cref="Generation"/>, which is how caches know their results went stale.
/// </summary>
internal sealed partial class SubjectIndex
{
    private readonly Lock _sync = new();
    private readonly Node _root = new();
    private long _generation;
    private long _inserts;
    private long _removes;
    private MatchStatistics _closedCaches;

    /// <summary>Changes whenever the set of subscriptions changes.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Number of subscriptions held.</summary>
    public int Count => (int)(Inserts - Removes);

    /// <summary>Subscriptions ever added, for <c>/subsz</c>.</summary>
    public long Inserts => Volatile.Read(ref _inserts);

    /// <summary>Subscriptions ever removed, for <c>/subsz</c>.</summary>
    public long Removes => Volatile.Read(ref _removes);

    /// <summary>Adds a subscription whose subject already passed <see cref="SubjectRules.IsValidSubscription"/>.</summary>
    public void Insert(Subscription subscription)
    {
        lock (_sync)
        {
            var node = _root;
            var rest = subscription.Subject.AsSpan();
            while (true)
            {
                var dot = rest.IndexOf((byte)'.');
                var token = dot < 0 ? rest : rest[..dot];
                node = node.GetOrAddChild(token);
                if (dot < 0)
                {
                    break;
                }

                rest = rest[(dot + 1)..];
            }

            node.Add(subscription);
            _inserts++;
            Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>Removes a subscription; false when it was not there (already removed by UNSUB max).</summary>
    public bool Remove(Subscription subscription)
    {
        lock (_sync)
        {
            if (!Remove(_root, subscription.Subject, subscription))
            {
                return false;
            }

            _removes++;
            Interlocked.Increment(ref _generation);
            return true;
        }
    }

    /// <summary>What the match caches of closed connections did in front of this index.</summary>
    public MatchStatistics ClosedCaches
    {
        get
        {
            lock (_sync)
            {
                return _closedCaches;
            }
        }
    }

    /// <summary>Keeps a closing connection's cache figures; its entries go with it.</summary>
    public void Retire(MatchCache cache)
    {
        var statistics = cache.Statistics with { Entries = 0 };
        lock (_sync)
        {
            _closedCaches = _closedCaches.Add(statistics);
        }
    }

    /// <summary>Adds every subscription held to <paramref name="destination"/>; for monitoring, not the message path.</summary>
    public void CopyTo(List<Subscription> destination)
    {
        lock (_sync)
        {
            _root.CopyTo(destination);
        }
    }

    /// <summary>Walks the trie for a literal subject and builds a fresh result.</summary>
    public SubjectMatch Match(ReadOnlySpan<byte> subject)
    {
        // A subject with an empty token ("foo.", ".foo", "foo..bar") reaches nobody, not even '>',
        // as in nats-server; only non-pedantic publishers can send one.
        if (HasEmptyToken(subject))
        {
            return SubjectMatch.Empty;
        }

        var collector = new MatchCollector();
        lock (_sync)
        {
            Collect(_root, subject, ref collector);
        }

        return collector.ToMatch();
    }

    private static bool HasEmptyToken(ReadOnlySpan<byte> subject) =>
        subject.IsEmpty || subject[0] == (byte)'.' || subject[^1] == (byte)'.' || subject.IndexOf(".."u8) >= 0;

    // Returns true when the subscription was found and removed; prunes nodes left empty on the way
    // back up so an index that saw a million short-lived inboxes does not keep their skeletons.
    private static bool Remove(Node node, ReadOnlySpan<byte> rest, Subscription subscription)
    {
        var dot = rest.IndexOf((byte)'.');
        var token = dot < 0 ? rest : rest[..dot];
        var child = node.FindChild(token);
        if (child is null)
        {
            return false;
        }

        var removed = dot < 0 ? child.Remove(subscription) : Remove(child, rest[(dot + 1)..], subscription);
        if (removed && child.IsEmpty)
        {
            node.RemoveChild(token);
        }

        return removed;
    }

    // rest is the part of the subject not yet matched; it always holds at least one token here.
    private static void Collect(Node node, ReadOnlySpan<byte> rest, ref MatchCollector collector)
    {
        var dot = rest.IndexOf((byte)'.');
        var token = dot < 0 ? rest : rest[..dot];
        var last = dot < 0;

        // '>' takes this token and any that follow: at least one, which 'rest' guarantees.
        if (node.FullWildcard is { } full)
        {
            collector.Add(full);
        }

        if (node.SingleWildcard is { } single)
        {
            Descend(single, rest, dot, last, ref collector);
        }

        if (node.FindLiteral(token) is { } literal)
        {
            Descend(literal, rest, dot, last, ref collector);
        }
    }

    private static void Descend(Node child, ReadOnlySpan<byte> rest, int dot, bool last, ref MatchCollector collector)
    {
        if (last)
        {
            collector.Add(child);
        }
        else
        {
            Collect(child, rest[(dot + 1)..], ref collector);
        }
    }
}
