using System.Buffers;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// Where a deflated message is built: room for its frame header, then what the deflater writes, in an
/// array from the shared pool that grows as needed and goes back once the frame is sent.
/// </summary>
internal sealed class PooledFrameBuffer : Stream
{
    private byte[]? _buffer;
    private int _length;

    /// <summary>The frame so far: the header room, then the bytes written.</summary>
    public Span<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>The bytes from <paramref name="start"/> to <paramref name="end"/>, to send.</summary>
    public ReadOnlyMemory<byte> Slice(int start, int end) => _buffer.AsMemory(start, end - start);

    public override bool CanRead => false;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Starts a frame with <paramref name="headerRoom"/> bytes kept free, sized for about <paramref name="expected"/> more.</summary>
    public void Begin(int headerRoom, int expected)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(headerRoom + expected);
        _length = headerRoom;
    }

    /// <summary>Gives the array back to the pool: an idle connection holds none.</summary>
    public void Release()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer!.Length - _length < buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // The deflater flushes itself into this; nothing further to push.
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
