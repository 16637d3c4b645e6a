
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// An upgraded connection's WebSocket framing (RFC 6455), presented as a stream so the connection's
/// transport runs over it unchanged: each write goes out as one binary frame, reads return the
/// payload of whatever data frames arrive (binary, or text from clients that send it), unmasked.
/// Pings are answered, a close is answered and read as the end of the stream. Frames a client sends
/// are masked, as RFC 6455 requires of it; a server's are not, and each side insists on it of the other.
/// </summary>
/// <remarks>
/// Not .NET's WebSocket (WebSocket.CreateFromStream with WebSocketStream): that one, with the zlib its
/// permessage-deflate brings, made the linux-x64 binary 0.31 MiB larger, where the arm64 one has
/// 0.09 MiB left below nats-server's size. This is what NATS needs of it and no more: no
/// compression, no fragmented writes, no wait for the peer's close frame.
/// </remarks>
internal sealed partial class WebSocketFrameStream : Stream
{
    private const byte Final = 0x80;
    private const byte Reserved = 0x70;
    private const byte Masked = 0x80;
    private const byte Continuation = 0x0;
    private const byte Text = 0x1;
    private const byte Binary = 0x2;
    private const byte CloseFrame = 0x8;
    private const byte PingFrame = 0x9;
    private const byte PongFrame = 0xA;
    private const int MaxControlPayload = 125;

    // Enough for a frame header and a typical batch of messages, so most writes go out in one piece.
    private const int SendBufferSize = 4096;

    private readonly Stream _inner;
    private readonly bool _isClient;

    // Writes come from the send loop, control answers from the receive loop: one at a time on the wire.
    private readonly SemaphoreSlim _writing = new(1, 1);

    private readonly byte[] _header = new byte[14];
    private readonly byte[] _control = new byte[MaxControlPayload];
    private byte[]? _sendBuffer;

    // The data frame being read: payload bytes still to come, its mask and how far into it we are.
    private long _remaining;
    private uint _mask;
    private bool _masked;
    private int _maskOffset;
    private bool _closed;

    public WebSocketFrameStream(Stream inner, bool isClient)
    {
        _inner = inner;
        _isClient = isClient;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    // The transport only reads and writes asynchronously, and never the array overloads.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _writing.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// RFC 6455's masking: XORs <paramref name="data"/> in place with <paramref name="key"/> (its bytes
    /// in wire order, as they lie in memory), starting <paramref name="offset"/> bytes into the frame's
    /// payload; returns the offset after it. Masking and unmasking are the same.
    /// </summary>
    private static int Mask(Span<byte> data, uint key, int offset)
    {
        // The key as it must lie over the data's first byte: its byte (offset mod 4) first in memory.
        var shift = (offset & 3) * 8;
        var rotated = BitConverter.IsLittleEndian ? BitOperations.RotateRight(key, shift) : BitOperations.RotateLeft(key, shift);
        var words = MemoryMarshal.Cast<byte, uint>(data);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] ^= rotated;
        }

        var keyBytes = MemoryMarshal.AsBytes(new Span<uint>(ref rotated));
        for (var i = words.Length * 4; i < data.Length; i++)
        {
            data[i] ^= keyBytes[i & 3];
        }

        return offset + data.Length;
    }
}
