using System.Text;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Counts an account's subscriptions per subject (and queue) and where they come from, so each
/// leafnode link hears LS+ when interest it should know of appears and LS- when it is gone: once
/// per subject, with the member count for queue groups (spec/leafnode-protocol.md §5).
/// A link is told of local subscriptions and of other links' interest, never of its own; an uplink
/// to a hub is not told of interest learned from another uplink.
/// </summary>
internal sealed class AccountInterest(Account account)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<(string Subject, string? Queue), Counts> _counts = [];
    private readonly List<LeafConnection> _links = [];

    public void Added(Subscription subscription) => Change(subscription, +1);

    public void Removed(Subscription subscription) => Change(subscription, -1);

    /// <summary>Starts telling <paramref name="link"/>: the loop-detection subject, then all current interest.</summary>
    public void Attach(LeafConnection link)
    {
        lock (_sync)
        {
            _links.Add(link);
            link.AnnounceLoopDetection(account.LoopDetectionSubject);
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

    public void Detach(LeafConnection link)
    {
        lock (_sync)
        {
            _links.Remove(link);
        }
    }

    private void Change(Subscription subscription, int delta)
    {
        var key = (Encoding.UTF8.GetString(subscription.Subject), subscription.Queue is null ? null : Encoding.UTF8.GetString(subscription.Queue));
        var source = subscription.Owner as LeafConnection;
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

            counts.Apply(source, delta);
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
        private Dictionary<LeafConnection, int>? _byLink;

        public bool IsEmpty => _local == 0 && (_byLink is null || _byLink.Count == 0);

        public void Apply(LeafConnection? source, int delta)
        {
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

        // What the far side of `target` should count: everything here but its own interest, and for an
        // uplink nothing learned over another uplink (each hub sees a board's own interest only).
        public int For(LeafConnection target)
        {
            var count = _local;
            if (_byLink is null)
            {
                return count;
            }

            foreach (var (link, linkCount) in _byLink)
            {
                if (link != target && !(target.IsSolicited && link.IsSolicited))
                {
                    count += linkCount;
                }
            }

            return count;
        }
    }
}
