namespace Nats.Edge.Server.Clients;

/// <summary>
/// One client's subscriptions by sid. The client's receive loop adds them; any publisher's thread
/// may remove one (an UNSUB limit reached), and monitoring and reload read them, hence the lock.
/// </summary>
internal sealed class ClientSubscriptions
{
    private readonly Dictionary<byte[], Subscription> _bySid = new(ByteKeyComparer.Instance);
    private readonly Lock _sync = new();

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _bySid.Count;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="subscription"/> unless its sid is taken (nats-server keeps the first and
    /// ignores the reuse) or <paramref name="max"/> (when above zero) is reached.
    /// </summary>
    public SubscribeOutcome TryAdd(Subscription subscription, int max)
    {
        lock (_sync)
        {
            if (_bySid.ContainsKey(subscription.Sid))
            {
                return SubscribeOutcome.SidInUse;
            }

            if (max > 0 && _bySid.Count >= max)
            {
                return SubscribeOutcome.LimitReached;
            }

            _bySid.Add(subscription.Sid, subscription);
            return SubscribeOutcome.Added;
        }
    }

    public Subscription? Find(ReadOnlySpan<byte> sid)
    {
        lock (_sync)
        {
            return _bySid.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(sid, out var subscription) ? subscription : null;
        }
    }

    /// <summary>Removes this very subscription; false when it is gone already, or its sid now names a newer one.</summary>
    public bool Remove(Subscription subscription)
    {
        lock (_sync)
        {
            return _bySid.TryGetValue(subscription.Sid, out var current) && current == subscription && _bySid.Remove(subscription.Sid);
        }
    }

    public Subscription[] Snapshot()
    {
        lock (_sync)
        {
            return [.. _bySid.Values];
        }
    }

    /// <summary>Empties the table and returns what it held: the client is closing.</summary>
    public Subscription[] TakeAll()
    {
        lock (_sync)
        {
            Subscription[] all = [.. _bySid.Values];
            _bySid.Clear();
            return all;
        }
    }
}
