namespace Nats.Edge.Server.Connections;

/// <summary>
/// A stream that first gives back bytes already read from <paramref name="inner"/> (read ahead before
/// the loops ran), then reads on from it; writes go straight to it.
/// </summary>
internal sealed class ReplayStream(ReadOnlyMemory<byte> readAhead, Stream inner) : Stream
{
    private ReadOnlyMemory<byte> _readAhead = readAhead;

    public override bool CanRead => true;

    public override bool CanWrite => inner.CanWrite;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _readAhead.IsEmpty ? inner.Read(buffer) : Replay(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // A zero-byte read (waiting for data) returns at once while bytes read ahead are left.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _readAhead.IsEmpty ? inner.ReadAsync(buffer, cancellationToken) : ValueTask.FromResult(Replay(buffer.Span));

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Replay(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _readAhead.Length);
        _readAhead.Span[..count].CopyTo(buffer);
        _readAhead = _readAhead[count..];
        return count;
    }
}
