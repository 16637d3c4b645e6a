namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Which queue groups a message may be handed to: all (a local publish) or only those a leafnode
/// message names (blank-separated names as they came on the wire, possibly none).
/// </summary>
internal readonly ref struct QueueFilter
{
    private readonly ReadOnlySpan<byte> _names;
    private readonly bool _restricted;

    private QueueFilter(ReadOnlySpan<byte> names)
    {
        _names = names;
        _restricted = true;
    }

    /// <summary>Only the groups in <paramref name="names"/>; empty admits none.</summary>
    public static QueueFilter Only(ReadOnlySpan<byte> names) => new(names);

    public bool Admits(ReadOnlySpan<byte> queue)
    {
        if (!_restricted)
        {
            return true;
        }

        foreach (var range in _names.Split((byte)' '))
        {
            if (_names[range].SequenceEqual(queue))
            {
                return true;
            }
        }

        return false;
    }
}
