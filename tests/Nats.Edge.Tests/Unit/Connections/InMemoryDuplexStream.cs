using System.IO.Pipelines;

namespace Nats.Edge.Tests.Unit.Connections;

/// <summary>
/// One end of an in-memory connection: reads what the other end wrote and writes what it reads, so
/// a session can run over a transport with no socket under it.
/// </summary>
internal sealed class InMemoryDuplexStream(Pipe input, Pipe output) : Stream
{
    private readonly Stream _input = input.Reader.AsStream();
    private readonly Stream _output = output.Writer.AsStream();

    /// <summary>Two ends joined back to back: what one writes the other reads.</summary>
    public static (InMemoryDuplexStream Server, InMemoryDuplexStream Peer) CreatePair()
    {
        var toServer = new Pipe();
        var toPeer = new Pipe();
        return (new InMemoryDuplexStream(toServer, toPeer), new InMemoryDuplexStream(toPeer, toServer));
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _input.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _output.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _output.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // Closing one end ends reads at both, as a socket close does: a read waiting here gets end of
    // stream because nothing can be written to this end any more.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            input.Writer.Complete();
            _input.Dispose();
            _output.Dispose();
        }

        base.Dispose(disposing);
    }
}
