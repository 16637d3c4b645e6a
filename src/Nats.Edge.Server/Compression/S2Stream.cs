using System.Runtime.CompilerServices;

namespace Nats.Edge.Server.Compression;

/// <summary>
/// A link's stream with S2 compression both ways, as nats-server 2.10+ runs on routes and leafnodes
/// that agreed on it: reads decode the S2 stream the peer sends (Snappy framing too), writes gather
/// into blocks that each <see cref="Flush"/> or <see cref="FlushAsync(CancellationToken)"/> sends as
/// one chunk. A writer must flush after each batch, or the bytes wait for the block to fill.
/// <para>
/// One read and one write may run at once, from different threads, as a connection's receive and send
/// loops do. <see cref="Stream.Dispose()"/> does not flush (a link is torn down because its peer may
/// be gone, and a write then could block), and may come from a third thread while a read or write is
/// under way: that operation's buffers go back to the pool when it ends, not under it.
/// </para>
/// </summary>
internal sealed class S2Stream : Stream
{
    private const int Idle = 0;
    private const int Busy = 1;
    private const int Retiring = 2;
    private const int Retired = 3;

    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly S2FrameDecoder _decoder = new();
    private readonly S2FrameEncoder _encoder;
    private int _readState;
    private int _writeState;
    private int _disposed;

    /// <summary>Compresses what is written to <paramref name="inner"/> and decompresses what is read from it.</summary>
    /// <param name="inner">The link's stream: a socket's, or TLS over it.</param>
    /// <param name="leaveOpen">Whether disposing this stream leaves <paramref name="inner"/> open.</param>
    /// <param name="store">Writes in S2 framing without compressing (s2_uncompressed).</param>
    public S2Stream(Stream inner, bool leaveOpen = false, bool store = false)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _leaveOpen = leaveOpen;
        _encoder = new S2FrameEncoder(store);
    }

    /// <summary>Bytes read from the inner stream: what the link carried in.</summary>
    public long CompressedBytesRead => _decoder.CompressedBytes;

    /// <summary>Bytes those decompressed to, as handed to readers.</summary>
    public long UncompressedBytesRead => _decoder.DecompressedBytes;

    /// <summary>Bytes given to write, before compression; counted once they are framed.</summary>
    public long UncompressedBytesWritten => _encoder.UncompressedBytes;

    /// <summary>Bytes written to the inner stream: what the link carried out.</summary>
    public long CompressedBytesWritten => _encoder.CompressedBytes;

    public override bool CanRead => Volatile.Read(ref _disposed) == 0 && _inner.CanRead;

    public override bool CanWrite => Volatile.Read(ref _disposed) == 0 && _inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        Enter(ref _readState);
        try
        {
            if (buffer.IsEmpty)
            {
                return 0;
            }

            while (true)
            {
                var decoded = _decoder.Decode(buffer);
                if (decoded > 0)
                {
                    return decoded;
                }

                var read = _inner.Read(_decoder.GetInputBuffer().Span);
                if (read == 0)
                {
                    _decoder.Complete();
                    return 0;
                }

                _decoder.Advance(read);
            }
        }
        finally
        {
            Exit(ref _readState, _decoder);
        }
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    // The pooling builder keeps a read that waits on the wire from allocating its state machine.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Enter(ref _readState);
        try
        {
            if (buffer.IsEmpty)
            {
                // A zero-byte read waits for data without a buffer; it must not wait when bytes are
                // buffered here already.
                if (!_decoder.HasBuffered)
                {
                    await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                }

                return 0;
            }

            while (true)
            {
                var decoded = _decoder.Decode(buffer.Span);
                if (decoded > 0)
                {
                    return decoded;
                }

                var read = await _inner.ReadAsync(_decoder.GetInputBuffer(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _decoder.Complete();
                    return 0;
                }

                _decoder.Advance(read);
            }
        }
        finally
        {
            Exit(ref _readState, _decoder);
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Enter(ref _writeState);
        try
        {
            while (!buffer.IsEmpty)
            {
                // A full block's worth with nothing gathered goes out straight from the caller's bytes.
                if (!_encoder.HasPending && buffer.Length >= S2FrameEncoder.BlockSize)
                {
                    _inner.Write(_encoder.EncodeBlock(buffer[..S2FrameEncoder.BlockSize]).Span);
                    buffer = buffer[S2FrameEncoder.BlockSize..];
                    continue;
                }

                buffer = buffer[_encoder.Append(buffer)..];
                if (_encoder.IsFull)
                {
                    _inner.Write(_encoder.EncodePending().Span);
                }
            }
        }
        finally
        {
            Exit(ref _writeState, _encoder);
        }
    }

    public override void WriteByte(byte value)
    {
        Span<byte> one = stackalloc byte[1];
        one[0] = value;
        Write(one);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Enter(ref _writeState);
        try
        {
            while (!buffer.IsEmpty)
            {
                if (!_encoder.HasPending && buffer.Length >= S2FrameEncoder.BlockSize)
                {
                    var framed = _encoder.EncodeBlock(buffer.Span[..S2FrameEncoder.BlockSize]);
                    buffer = buffer[S2FrameEncoder.BlockSize..];
                    await _inner.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                buffer = buffer[_encoder.Append(buffer.Span)..];
                if (_encoder.IsFull)
                {
                    await _inner.WriteAsync(_encoder.EncodePending(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Exit(ref _writeState, _encoder);
        }
    }

    /// <summary>Sends what was written since the last flush as one chunk, then flushes the inner stream.</summary>
    public override void Flush()
    {
        Enter(ref _writeState);
        try
        {
            if (_encoder.HasPending)
            {
                _inner.Write(_encoder.EncodePending().Span);
            }

            _inner.Flush();
        }
        finally
        {
            Exit(ref _writeState, _encoder);
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => FlushCoreAsync(cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                // Closing the inner stream first makes a read or write in flight fail promptly.
                if (!_leaveOpen)
                {
                    _inner.Dispose();
                }
            }
            finally
            {
                Retire(ref _readState, _decoder);
                Retire(ref _writeState, _encoder);
            }
        }

        base.Dispose(disposing);
    }

    // Completes synchronously (no allocation) when the inner stream's write does; a Task is made only
    // for callers of the Task-returning override.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FlushCoreAsync(CancellationToken cancellationToken)
    {
        Enter(ref _writeState);
        try
        {
            if (_encoder.HasPending)
            {
                await _inner.WriteAsync(_encoder.EncodePending(), cancellationToken).ConfigureAwait(false);
            }

            await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Exit(ref _writeState, _encoder);
        }
    }

    private void Enter(ref int state)
    {
        var was = Interlocked.CompareExchange(ref state, Busy, Idle);
        if (was == Idle)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(was >= Retiring, this);
        throw new InvalidOperationException("S2Stream takes one read and one write at a time");
    }

    private static void Exit(ref int state, IDisposable side)
    {
        // Dispose came while this operation ran and left the buffers to it.
        if (Interlocked.CompareExchange(ref state, Idle, Busy) == Retiring)
        {
            Volatile.Write(ref state, Retired);
            side.Dispose();
        }
    }

    private static void Retire(ref int state, IDisposable side)
    {
        while (true)
        {
            switch (Interlocked.CompareExchange(ref state, Retired, Idle))
            {
                case Idle:
                    side.Dispose();
                    return;
                case Busy when Interlocked.CompareExchange(ref state, Retiring, Busy) == Busy:
                    return;
                case Retiring or Retired:
                    return;
            }
        }
    }
}
