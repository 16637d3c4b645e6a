namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Records taken by Append and not yet written, laid out as they go to the file so one write takes
/// them all. The buffer comes from the pool and is kept: once it has grown to the traffic's size,
/// appending allocates nothing.
/// </summary>
internal sealed class OutboxBatch
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>The records, for the writer to seal before they go to the file; the batch is its alone then.</summary>
    public Span<byte> WrittenForSealing => _buffer.AsSpan(0, Length);

    /// <summary>Room for one record of <paramref name="size"/> bytes at the end.</summary>
    public Span<byte> Reserve(int size)
    {
        if (_buffer.Length - Length < size)
        {
            Grow(size);
        }

        var span = _buffer.AsSpan(Length, size);
        Length += size;
        return span;
    }

    /// <summary>How many bytes the buffer holds before it must grow.</summary>
    public int Capacity => _buffer.Length;

    public void Clear() => Length = 0;

    /// <summary>Makes an empty batch at least <paramref name="capacity"/> bytes, on the writer's thread, so Append never has to.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (Length == 0 && _buffer.Length < capacity)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        }
    }

    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Length = 0;
    }

    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + size));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
