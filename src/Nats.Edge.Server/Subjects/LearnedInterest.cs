namespace Nats.Edge.Server.Subjects;

/// <summary>
/// The interest a peer server announced over one link (LS+ on a leafnode link, RS+ on a route or a
/// gateway), one subscription each in the account, keyed by "subject" or "subject queue". A repeated
/// announcement (a queue group's new weight) changes nothing: one far member stands for the group.
/// With <paramref name="announced"/> false the subscriptions only match, and no other link hears of
/// them: another cluster's interest stays with the gateway it came over.
/// </summary>
internal sealed class LearnedInterest(bool announced = true)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Adds the announced interest as a subscription of <paramref name="owner"/>, the link it came over.</summary>
    public void Learn(ISubscriber owner, Account account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue)
    {
        var key = InterestKey.Of(subject, queue);
        Subscription subscription;
        lock (_sync)
        {
            if (_subscriptions.ContainsKey(key))
            {
                return;
            }

            subscription = new Subscription(owner, subject.ToArray(), queue.IsEmpty ? null : queue.ToArray(), []);
            _subscriptions.Add(key, subscription);
        }

        if (announced)
        {
            account.Subscribe(subscription);
        }
        else
        {
            account.Subscriptions.Insert(subscription);
        }
    }

    private void Drop(Account account, Subscription subscription)
    {
        if (announced)
        {
            account.Unsubscribe(subscription);
        }
        else
        {
            account.Subscriptions.Remove(subscription);
        }
    }

    /// <summary>The peer withdrew it; unknown ones are ignored.</summary>
    public void Forget(Account account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue)
    {
        Subscription? subscription;
        lock (_sync)
        {
            _subscriptions.Remove(InterestKey.Of(subject, queue), out subscription);
        }

        if (subscription is not null)
        {
            Drop(account, subscription);
        }
    }

    /// <summary>Drops exactly this subscription (an UNSUB limit reached), not a newer one under its key.</summary>
    public void Remove(Account account, Subscription subscription)
    {
        lock (_sync)
        {
            var key = InterestKey.Of(subscription.Subject, subscription.Queue);
            if (!_subscriptions.TryGetValue(key, out var current) || current != subscription)
            {
                return;
            }

            _subscriptions.Remove(key);
        }

        Drop(account, subscription);
    }

    /// <summary>The link is gone: everything learned over it leaves the account.</summary>
    public void Clear(Account account)
    {
        Subscription[] learned;
        lock (_sync)
        {
            learned = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in learned)
        {
            Drop(account, subscription);
        }
    }

    /// <summary>A snapshot, for monitoring.</summary>
    public Subscription[] ToArray()
    {
        lock (_sync)
        {
            return [.. _subscriptions.Values];
        }
    }
}
