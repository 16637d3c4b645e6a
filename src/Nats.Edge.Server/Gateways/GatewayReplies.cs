namespace Nats.Edge.Server.Gateways;

/// <summary>
/// Reply subjects that came over a gateway mapped (<c>_GR_.&lt;cluster&gt;.&lt;server&gt;.reply</c>)
/// and were delivered here bare: when a responder answers on the bare subject, the answer goes back
/// on the mapped one, straight to the requester's server. Entries expire after two minutes.
/// </summary>
internal sealed class GatewayReplies
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    // Pruned past this many entries, so a flood of requests cannot grow the map without end.
    private const int PruneAbove = 4096;

    private readonly Lock _sync = new();
    private readonly Dictionary<byte[], (Account Account, byte[] Mapped, long Expires)> _replies = new(ByteKeyComparer.Instance);
    private int _count;

    /// <summary>Notes that <paramref name="bare"/> in <paramref name="account"/> answers to <paramref name="mapped"/>.</summary>
    public void Remember(Account account, ReadOnlySpan<byte> bare, ReadOnlySpan<byte> mapped)
    {
        var now = Environment.TickCount64;
        lock (_sync)
        {
            if (_replies.Count >= PruneAbove)
            {
                foreach (var (key, entry) in _replies)
                {
                    if (entry.Expires < now)
                    {
                        _replies.Remove(key);
                    }
                }
            }

            _replies[bare.ToArray()] = (account, mapped.ToArray(), now + (long)Lifetime.TotalMilliseconds);
            Volatile.Write(ref _count, _replies.Count);
        }
    }

    /// <summary>The mapped subject a publish on <paramref name="subject"/> in <paramref name="account"/> answers to; false for any other publish.</summary>
    public bool TryMap(Account account, ReadOnlySpan<byte> subject, out byte[] mapped)
    {
        mapped = [];
        if (Volatile.Read(ref _count) == 0)
        {
            return false;
        }

        lock (_sync)
        {
            if (!_replies.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(subject, out var entry)
                || entry.Account != account || entry.Expires < Environment.TickCount64)
            {
                return false;
            }

            mapped = entry.Mapped;
            return true;
        }
    }
}
