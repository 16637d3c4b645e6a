
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// An upgraded connection's WebSocket framing (RFC 6455), presented as a stream so the connection's
/// transport runs over it unchanged: each write goes out as one binary frame, reads return the
/// payload of whatever data frames arrive (binary, or text from clients that send it), unmasked.
/// Pings are answered, a close is answered and read as the end of the stream. Frames a client sends
/// are masked, as RFC 6455 requires of it; a server's are not, and each side insists on it of the other.
/// With permessage-deflate agreed (RFC 7692) messages flagged compressed are inflated on the way in,
/// and writes above a threshold are deflated on the way out, each message on its own (no context
/// takeover either way, as nats-server answers the offer).
/// </summary>
/// <remarks>
/// Not .NET's WebSocket (WebSocket.CreateFromStream with WebSocketStream): that one made the linux-x64
/// binary 0.31 MiB larger, where the arm64 one had 0.09 MiB left below nats-server's size. This is
/// what NATS needs of it and no more: no fragmented writes, no wait for the peer's close frame.
/// Deflate is System.IO.Compression's DeflateStream over zlib-ng, which the binary had not held
/// before: 165,728 bytes more on linux-arm64, 141,712 of them zlib-ng and DeflateStream alone.
/// </remarks>
internal sealed partial class WebSocketFrameStream : Stream
{
    private const byte Final = 0x80;
    private const byte Reserved = 0x70;

    // RSV1: the message's payload is deflated (RFC 7692, 6).
    private const byte Compressed = 0x40;
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
    private readonly bool _deflate;

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

    // Whether that frame ends its message, and whether a message is under way, awaiting continuations.
    private bool _finalFrame;
    private bool _inMessage;
    private bool _closed;

    /// <summary>Frames over <paramref name="inner"/>, the upgraded connection.</summary>
    /// <param name="inner">The connection after the HTTP upgrade: a socket's stream, or TLS over it.</param>
    /// <param name="isClient">This side dialled: it masks what it sends, and wants the server's frames unmasked.</param>
    /// <param name="deflate">permessage-deflate was agreed in the upgrade.</param>
    public WebSocketFrameStream(Stream inner, bool isClient, bool deflate = false)
    {
        _inner = inner;
        _isClient = isClient;
        _deflate = deflate;
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
        // The transport disposes its stream once both loops have ended, so no read is inflating now.
        if (disposing)
        {
            _inner.Dispose();
            _writing.Dispose();
            _inflater?.Dispose();
            _inflater = null;
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
