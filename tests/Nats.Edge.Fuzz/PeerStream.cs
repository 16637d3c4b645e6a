namespace Nats.Edge.Fuzz;

/// <summary>
/// A peer's side of a connection over a fuzz input: reads give the input, writes (a PONG to a PING,
/// a close frame) are taken and dropped, as a peer that never reads its answers would take them.
/// </summary>
internal sealed class PeerStream(byte[] input) : Stream
{
    private readonly MemoryStream _input = new(input, writable: false);

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override void Write(byte[] buffer, int offset, int count)
    {
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
