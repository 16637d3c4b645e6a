namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// One compressed WebSocket message as the inflater reads it: the payload of its frames, then the
/// end that RFC 7692 has the sender leave off, so the deflate data ends where the message does.
/// </summary>
internal sealed class DeflatedMessage(WebSocketFrameStream frames) : Stream
{
    private int _tailRead;

    // RFC 7692, 7.2.2: the 00 00 ff ff that ended the sender's flush, then an empty final block
    // (as nats-server appends) so the inflater finishes instead of asking for more.
    private static ReadOnlySpan<byte> Tail => [0x00, 0x00, 0xff, 0xff, 0x01, 0x00, 0x00, 0xff, 0xff];

    public override bool CanRead => true;

    public override bool CanWrite => false;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Ready for the next message.</summary>
    public void Reset() => _tailRead = 0;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_tailRead == 0)
        {
            var read = await frames.ReadMessageAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || frames.IsEnded)
            {
                return read;
            }
        }

        var tail = Math.Min(buffer.Length, Tail.Length - _tailRead);
        Tail.Slice(_tailRead, tail).CopyTo(buffer.Span);
        _tailRead += tail;
        return tail;
    }

    // The inflater reads asynchronously only, as the frame stream it serves does.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
