namespace Nats.Edge.Server.Connections;

/// <summary>
/// The server's own pool of outbound chunks. The shared ArrayPool keeps only a few dozen arrays of a
/// size, so a subscriber that falls a few megabytes behind would make every further chunk a fresh
/// allocation, and a steady pub/sub load would keep the GC busy. While traffic flows this pool keeps
/// what the busiest moment needed (trimming during a load would only make the next burst allocate
/// again); once a whole trim period passes without a chunk taken, it hands everything back, so an
/// idle board returns to a small footprint.
/// </summary>
internal sealed class ChunkPool
{
    /// <summary>Size of every chunk: a handful make one socket write for a busy subscriber.</summary>
    public const int ChunkSize = 64 * 1024;

    // 16 MiB: bursts beyond that allocate, a board never holds more than this idle.
    private const int MaxRetained = 256;

    private readonly Lock _sync = new();
    private readonly Stack<byte[]> _free = new(MaxRetained);
    private int _rentedSinceTrim;

    public byte[] Rent()
    {
        lock (_sync)
        {
            _rentedSinceTrim++;
            if (_free.TryPop(out var chunk))
            {
                return chunk;
            }
        }

        return GC.AllocateUninitializedArray<byte>(ChunkSize);
    }

    public void Return(byte[] chunk)
    {
        lock (_sync)
        {
            if (_free.Count < MaxRetained)
            {
                _free.Push(chunk);
            }
        }
    }

    /// <summary>Lets every chunk go if none was taken since the previous trim.</summary>
    public void Trim()
    {
        lock (_sync)
        {
            if (_rentedSinceTrim == 0)
            {
                _free.Clear();
                _free.TrimExcess();
            }

            _rentedSinceTrim = 0;
        }
    }
}
