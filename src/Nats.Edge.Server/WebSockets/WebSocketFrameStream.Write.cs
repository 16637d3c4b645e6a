using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

internal sealed partial class WebSocketFrameStream
{
    private int _closeSent;

    /// <summary>Sends <paramref name="buffer"/> as one binary frame.</summary>
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        SendFrameAsync(Binary, buffer, cancellationToken);

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
            var header = WriteHeader(buffer, opcode, payload.Length, out var mask);
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

    // A final frame's header; a client's carries a fresh mask. The mask only keeps proxies from
    // reading a page's frames as HTTP, so a fast random source serves.
    private int WriteHeader(byte[] buffer, byte opcode, int length, out uint mask)
    {
        buffer[0] = (byte)(Final | opcode);
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
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), (ushort)length);
            size = 4;
        }
        else
        {
            buffer[1] = (byte)(maskBit | 127);
            BinaryPrimitives.WriteUInt64BigEndian(buffer.AsSpan(2), (ulong)length);
            size = 10;
        }

        mask = 0;
        if (_isClient)
        {
            Random.Shared.NextBytes(buffer.AsSpan(size, 4));
            mask = MemoryMarshal.Read<uint>(buffer.AsSpan(size));
            size += 4;
        }

        return size;
    }
}
