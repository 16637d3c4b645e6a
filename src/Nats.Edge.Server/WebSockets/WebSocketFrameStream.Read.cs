using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

internal sealed partial class WebSocketFrameStream
{
    /// <summary>
    /// The next payload bytes of the data frames, unmasked; 0 once the peer closed (a close frame, or
    /// the connection). A zero-byte read waits for data without taking any, as the transport's idle wait needs.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            if (!_closed)
            {
                await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        while (!_closed)
        {
            if (_remaining == 0)
            {
                if (!await NextFrameAsync(cancellationToken).ConfigureAwait(false))
                {
                    return 0;
                }

                continue;
            }

            var read = await _inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _remaining)], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return 0;
            }

            _remaining -= read;
            if (_masked)
            {
                _maskOffset = Mask(buffer.Span[..read], _mask, _maskOffset);
            }

            return read;
        }

        return 0;
    }

    // Reads one frame header: a data frame's payload is then read by ReadAsync; a control frame is
    // handled here whole. False at the end: the peer closed.
    private async ValueTask<bool> NextFrameAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(_header.AsMemory(0, 2), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var opcode = (byte)(_header[0] & 0x0F);
        var final = (_header[0] & Final) != 0;
        var masked = (_header[1] & Masked) != 0;
        if ((_header[0] & Reserved) != 0)
        {
            throw new IOException("websocket: reserved bits set in a frame, no extension was agreed");
        }

        if (masked == _isClient)
        {
            throw new IOException(_isClient ? "websocket: masked frame from the server" : "websocket: unmasked frame from a client");
        }

        long length = _header[1] & 0x7F;
        var lengthBytes = length switch { 126 => 2, 127 => 8, _ => 0 };
        if (!await FillAsync(_header.AsMemory(2, lengthBytes + (masked ? 4 : 0)), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        length = lengthBytes switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2)),
            8 => (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2)),
            _ => length,
        };
        var mask = masked ? MemoryMarshal.Read<uint>(_header.AsSpan(2 + lengthBytes)) : 0;
        if (length < 0)
        {
            throw new IOException("websocket: frame length out of range");
        }

        switch (opcode)
        {
            case Continuation or Text or Binary:
                (_remaining, _mask, _masked, _maskOffset) = (length, mask, masked, 0);
                return true;
            case CloseFrame or PingFrame or PongFrame when final && length <= MaxControlPayload:
                return await ControlFrameAsync(opcode, (int)length, masked, mask, cancellationToken).ConfigureAwait(false);
            default:
                throw new IOException($"websocket: bad frame, opcode {opcode}");
        }
    }

    // A ping is answered with its payload; a close with its status code, and ends the stream.
    private async ValueTask<bool> ControlFrameAsync(byte opcode, int length, bool masked, uint mask, CancellationToken cancellationToken)
    {
        var payload = _control.AsMemory(0, length);
        if (!await FillAsync(payload, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (masked)
        {
            Mask(payload.Span, mask, 0);
        }

        if (opcode == PingFrame)
        {
            await SendFrameAsync(PongFrame, payload, cancellationToken).ConfigureAwait(false);
        }
        else if (opcode == CloseFrame)
        {
            _closed = true;
            await SendCloseOnceAsync(payload[..Math.Min(length, 2)], cancellationToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }

    // Reads exactly the bytes <paramref name="into"/> holds; false when the connection ends first.
    private async ValueTask<bool> FillAsync(Memory<byte> into, CancellationToken cancellationToken)
    {
        while (!into.IsEmpty)
        {
            var read = await _inner.ReadAsync(into, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            into = into[read..];
        }

        return true;
    }
}
