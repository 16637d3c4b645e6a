using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

internal sealed partial class WebSocketFrameStream
{
    // Longest frame header: 2 bytes, a 64-bit length, a mask.
    private const int MaxHeader = 14;

    // nats-server's threshold: a write this short goes out as it is, deflate would gain next to nothing.
    private const int DeflateThreshold = 64;

    // The 00 00 ff ff a sync flush ends with, which a message leaves off (RFC 7692, 7.2.1).
    private const int FlushMarker = 4;

    private PooledFrameBuffer? _deflated;
    private int _closeSent;

    /// <summary>Sends <paramref name="buffer"/> as one binary frame, deflated when agreed and worth it.</summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _deflate && buffer.Length > DeflateThreshold
            ? SendDeflatedAsync(buffer, cancellationToken)
            : SendFrameAsync(Binary, buffer, cancellationToken);

    /// <summary>
    /// Sends a close frame with <paramref name="status"/> and <paramref name="reason"/>, unless one went
    /// out already. The reasons are nats-server's short texts, well within a control frame.
    /// </summary>
    public ValueTask CloseAsync(ushort status, string reason, CancellationToken cancellationToken)
    {
        var payload = new byte[2 + Encoding.ASCII.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, status);
        Encoding.ASCII.GetBytes(reason, payload.AsSpan(2));
        return SendCloseOnceAsync(payload, cancellationToken);
    }

    // One close frame per connection: the answer to the peer's, or this side's own.
    private ValueTask SendCloseOnceAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        Interlocked.Exchange(ref _closeSent, 1) == 0 ? SendFrameAsync(CloseFrame, payload, cancellationToken) : ValueTask.CompletedTask;

    // The header and the payload's start go out in one write; a server's long payload follows as it
    // is, a client's through the buffer, masked on the way.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendFrameAsync(byte opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var buffer = _sendBuffer ??= new byte[SendBufferSize];
            var header = WriteHeader(buffer, (byte)(Final | opcode), payload.Length, out var mask);
            var sent = Math.Min(payload.Length, buffer.Length - header);
            payload.Span[..sent].CopyTo(buffer.AsSpan(header));
            var offset = _isClient ? Mask(buffer.AsSpan(header, sent), mask, 0) : 0;
            await _inner.WriteAsync(buffer.AsMemory(0, header + sent), cancellationToken).ConfigureAwait(false);
            if (!_isClient && sent < payload.Length)
            {
                await _inner.WriteAsync(payload[sent..], cancellationToken).ConfigureAwait(false);
                return;
            }

            while (sent < payload.Length)
            {
                var piece = Math.Min(buffer.Length, payload.Length - sent);
                payload.Span.Slice(sent, piece).CopyTo(buffer);
                offset = Mask(buffer.AsSpan(0, piece), mask, offset);
                await _inner.WriteAsync(buffer.AsMemory(0, piece), cancellationToken).ConfigureAwait(false);
                sent += piece;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    // One compressed frame: deflated by a fresh deflater (this side promised no context takeover) at
    // zlib's fastest level, nats-server's choice too, into a pooled buffer behind room for the header.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendDeflatedAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = _deflated ??= new PooledFrameBuffer();
        frame.Begin(MaxHeader, payload.Length);
        try
        {
            int end;
            using (var deflater = new DeflateStream(frame, CompressionLevel.Fastest, leaveOpen: true))
            {
                deflater.Write(payload.Span);
                deflater.Flush();

                // Taken before disposing, which appends a final block the message does without.
                end = frame.Written.Length - FlushMarker;
            }

            var length = end - MaxHeader;
            var start = MaxHeader - HeaderSize(length);
            WriteHeader(frame.Written[start..], Final | Compressed | Binary, length, out var mask);
            if (_isClient)
            {
                Mask(frame.Written[MaxHeader..end], mask, 0);
            }

            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _inner.WriteAsync(frame.Slice(start, end), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writing.Release();
            }
        }
        finally
        {
            frame.Release();
        }
    }

    private int HeaderSize(int length) => (length < 126 ? 2 : length <= ushort.MaxValue ? 4 : 10) + (_isClient ? 4 : 0);

    // A frame's header, starting with <paramref name="first"/> (flags and opcode); a client's carries a
    // fresh mask. The mask only keeps proxies from reading a page's frames as HTTP, so a fast random
    // source serves.
    private int WriteHeader(Span<byte> buffer, byte first, int length, out uint mask)
    {
        buffer[0] = first;
        var maskBit = _isClient ? Masked : (byte)0;
        int size;
        if (length < 126)
        {
            buffer[1] = (byte)(maskBit | length);
            size = 2;
        }
        else if (length <= ushort.MaxValue)
        {
            buffer[1] = (byte)(maskBit | 126);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)length);
            size = 4;
        }
        else
        {
            buffer[1] = (byte)(maskBit | 127);
            BinaryPrimitives.WriteUInt64BigEndian(buffer[2..], (ulong)length);
            size = 10;
        }

        mask = 0;
        if (_isClient)
        {
            Random.Shared.NextBytes(buffer.Slice(size, 4));
            mask = MemoryMarshal.Read<uint>(buffer[size..]);
            size += 4;
        }

        return size;
    }
}
