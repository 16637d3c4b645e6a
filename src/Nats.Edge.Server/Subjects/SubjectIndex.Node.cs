namespace Nats.Edge.Server.Subjects;

internal sealed partial class SubjectIndex
{
    /// <summary>One token position in the trie and the subscriptions that end there.</summary>
    private sealed class Node
    {
        private Dictionary<byte[], Node>? _literals;
        private List<Subscription>? _plain;
        private Dictionary<byte[], List<Subscription>>? _queues;

        public Node? SingleWildcard { get; private set; }

        public Node? FullWildcard { get; private set; }

        public List<Subscription>? Plain => _plain;

        public Dictionary<byte[], List<Subscription>>? Queues => _queues;

        public bool IsEmpty =>
            (_literals is null || _literals.Count == 0) && SingleWildcard is null && FullWildcard is null
            && (_plain is null || _plain.Count == 0) && (_queues is null || _queues.Count == 0);

        public Node? FindLiteral(ReadOnlySpan<byte> token) =>
            _literals is not null && _literals.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(token, out var node)
                ? node
                : null;

        public Node? FindChild(ReadOnlySpan<byte> token) => Wildcard(token) switch
        {
            (byte)'*' => SingleWildcard,
            (byte)'>' => FullWildcard,
            _ => FindLiteral(token),
        };

        public Node GetOrAddChild(ReadOnlySpan<byte> token)
        {
            switch (Wildcard(token))
            {
                case (byte)'*':
                    return SingleWildcard ??= new Node();
                case (byte)'>':
                    return FullWildcard ??= new Node();
            }

            _literals ??= new Dictionary<byte[], Node>(ByteKeyComparer.Instance);
            var lookup = _literals.GetAlternateLookup<ReadOnlySpan<byte>>();
            if (!lookup.TryGetValue(token, out var child))
            {
                child = new Node();
                lookup[token] = child;
            }

            return child;
        }

        public void RemoveChild(ReadOnlySpan<byte> token)
        {
            switch (Wildcard(token))
            {
                case (byte)'*':
                    SingleWildcard = null;
                    return;
                case (byte)'>':
                    FullWildcard = null;
                    return;
            }

            _literals?.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(token);
        }

        public void Add(Subscription subscription)
        {
            if (subscription.Queue is null)
            {
                (_plain ??= []).Add(subscription);
                return;
            }

            _queues ??= new Dictionary<byte[], List<Subscription>>(ByteKeyComparer.Instance);
            if (!_queues.TryGetValue(subscription.Queue, out var members))
            {
                members = [];
                _queues.Add(subscription.Queue, members);
            }

            members.Add(subscription);
        }

        public bool Remove(Subscription subscription)
        {
            if (subscription.Queue is null)
            {
                return _plain is not null && _plain.Remove(subscription);
            }

            if (_queues is null || !_queues.TryGetValue(subscription.Queue, out var members) || !members.Remove(subscription))
            {
                return false;
            }

            if (members.Count == 0)
            {
                _queues.Remove(subscription.Queue);
            }

            return true;
        }

        public void CopyTo(List<Subscription> destination)
        {
            if (_plain is not null)
            {
                destination.AddRange(_plain);
            }

            if (_queues is not null)
            {
                foreach (var members in _queues.Values)
                {
                    destination.AddRange(members);
                }
            }

            if (_literals is not null)
            {
                foreach (var child in _literals.Values)
                {
                    child.CopyTo(destination);
                }
            }

            SingleWildcard?.CopyTo(destination);
            FullWildcard?.CopyTo(destination);
        }

        // A wildcard only counts as a whole token; 0 for a literal.
        private static byte Wildcard(ReadOnlySpan<byte> token) =>
            SubjectRules.IsWildcard(token) ? token[0] : (byte)0;
    }
}
