namespace Nats.Edge.Server.Subjects;

internal sealed partial class SubjectIndex
{
    /// <summary>
    /// Gathers the nodes a subject reaches into one result. Members of a queue group are merged by
    /// name across nodes, because <c>foo.* q</c> and <c>foo.&gt; q</c> form one group, in nats-server too.
    /// Runs only on a cache miss, so it may allocate.
    /// </summary>
    private struct MatchCollector
    {
        private List<Subscription>? _plain;
        private Dictionary<byte[], List<Subscription>>? _queues;

        public void Add(Node node)
        {
            if (node.Plain is { Count: > 0 } plain)
            {
                (_plain ??= []).AddRange(plain);
            }

            if (node.Queues is not { Count: > 0 } queues)
            {
                return;
            }

            _queues ??= new Dictionary<byte[], List<Subscription>>(ByteKeyComparer.Instance);
            foreach (var (name, members) in queues)
            {
                if (!_queues.TryGetValue(name, out var merged))
                {
                    merged = [];
                    _queues.Add(name, merged);
                }

                merged.AddRange(members);
            }
        }

        public readonly SubjectMatch ToMatch()
        {
            if (_plain is null && _queues is null)
            {
                return SubjectMatch.Empty;
            }

            var groups = _queues is null ? [] : new QueueGroupMatch[_queues.Count];
            if (_queues is not null)
            {
                var i = 0;
                foreach (var (name, members) in _queues)
                {
                    groups[i++] = new QueueGroupMatch(name, [.. members]);
                }
            }

            return new SubjectMatch(_plain is null ? [] : [.. _plain], groups);
        }
    }
}
