namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Counts an account's subscriptions per subject (and queue) and where they come from, so each leafnode
/// link or route hears LS+/RS+ when interest it should know of appears and LS-/RS- when it is gone:
/// once per subject, with the member count for queue groups, as nats-server announces it. A link is
/// never told of its own interest, and hears others' only as <see cref="LinkRoles.MayAnnounce"/> allows.
/// </summary>
internal sealed class AccountInterest
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(string Subject, string? Queue), Counts> _counts = [];
    private readonly List<IInterestLink> _links = [];

    public void Added(Subscription subscription, bool routesOnly = false) => Change(subscription, +1, routesOnly);

    public void Removed(Subscription subscription, bool routesOnly = false) => Change(subscription, -1, routesOnly);

    /// <summary>Starts telling <paramref name="link"/>: all current interest, then each change.</summary>
    public void Attach(IInterestLink link)
    {
        lock (_sync)
        {
            _links.Add(link);
            foreach (var ((subject, queue), counts) in _counts)
            {
                var count = counts.For(link);
                if (count > 0)
                {
                    link.InterestChanged(subject, queue, 0, count);
                }
            }
        }
    }

    public void Detach(IInterestLink link)
    {
        lock (_sync)
        {
            _links.Remove(link);
        }
    }

    private void Change(Subscription subscription, int delta, bool routesOnly)
    {
        var key = (Encoding.UTF8.GetString(subscription.Subject), subscription.Queue is null ? null : Encoding.UTF8.GetString(subscription.Queue));
        var source = subscription.Owner as IInterestLink;
        lock (_sync)
        {
            if (!_counts.TryGetValue(key, out var counts))
            {
                if (delta < 0)
                {
                    return;
                }

                counts = new Counts();
                _counts[key] = counts;
            }

            Span<int> before = _links.Count <= 16 ? stackalloc int[_links.Count] : new int[_links.Count];
            for (var i = 0; i < _links.Count; i++)
            {
                before[i] = counts.For(_links[i]);
            }

            counts.Apply(source, delta, routesOnly);
            for (var i = 0; i < _links.Count; i++)
            {
                var after = counts.For(_links[i]);
                if (after != before[i])
                {
                    _links[i].InterestChanged(key.Item1, key.Item2, before[i], after);
                }
            }

            if (counts.IsEmpty)
            {
                _counts.Remove(key);
            }
        }
    }

    private sealed class Counts
    {
        private int _local;
        private int _forRoutes;
        private Dictionary<IInterestLink, int>? _byLink;

        public bool IsEmpty => _local == 0 && _forRoutes == 0 && (_byLink is null || _byLink.Count == 0);

        public void Apply(IInterestLink? source, int delta, bool routesOnly)
        {
            if (routesOnly)
            {
                _forRoutes += delta;
                return;
            }

            if (source is null)
            {
                _local += delta;
                return;
            }

            _byLink ??= [];
            var count = _byLink.GetValueOrDefault(source) + delta;
            if (count > 0)
            {
                _byLink[source] = count;
            }
            else
            {
                _byLink.Remove(source);
            }
        }

        // What the far side of `target` should count: local interest, and others' as the rule allows.
        public int For(IInterestLink target)
        {
            var count = target.Role == LinkRole.Route ? _local + _forRoutes : _local;
            if (_byLink is null)
            {
                return count;
            }

            foreach (var (link, linkCount) in _byLink)
            {
                if (link != target && LinkRoles.MayAnnounce(link.Role, target.Role))
                {
                    count += linkCount;
                }
            }

            return count;
        }
    }
}
