using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nats.Edge.Server.WebSockets;

internal sealed partial class WebSocketFrameStream
{
    /// <summary>
    /// The next payload bytes of the data frames, unmasked and inflated; 0 once the peer closed (a
    /// close frame, or the connection). A zero-byte read waits for data without taking any, as the
    /// transport's idle wait needs.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            // An inflater may hold output already read off the wire: then there is data now.
            if (!_closed && _inflater is null)
            {
                await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        while (!_closed)
        {
            if (_inflater is not null)
            {
                var inflated = await InflateAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (inflated > 0)
                {
                    return inflated;
                }

                continue;
            }

            if (_remaining == 0)
            {
                if (!await NextFrameAsync(cancellationToken).ConfigureAwait(false))
                {
                    return 0;
                }

                continue;
            }

            var read = await _inner.ReadAsync(PayloadRoom(buffer), cancellationToken).ConfigureAwait(false);
            return TookPayload(buffer.Span[..read]);
        }

        return 0;
    }

    // As much of the buffer as the current frame's payload has left to fill.
    private Memory<byte> PayloadRoom(Memory<byte> buffer) => buffer[..(int)Math.Min(buffer.Length, _remaining)];

    // Counts and unmasks payload bytes just read; none read means the connection ended.
    private int TookPayload(Span<byte> read)
    {
        if (read.IsEmpty)
        {
            _closed = true;
            return 0;
        }

        _remaining -= read.Length;
        if (_masked)
        {
            _maskOffset = Mask(read, _mask, _maskOffset);
        }

        return read.Length;
    }

    // Reads one frame header: a data frame's payload is then read by ReadAsync (through an inflater
    // when its message is compressed); a control frame is handled here whole. False at the end: the
    // peer closed.
    private async ValueTask<bool> NextFrameAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(_header.AsMemory(0, 2), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var opcode = (byte)(_header[0] & 0x0F);
        var final = (_header[0] & Final) != 0;
        var masked = (_header[1] & Masked) != 0;

        // RFC 7692, 6.1: only a message's first frame carries the compressed bit, and only once agreed.
        var compressed = _deflate && (_header[0] & Compressed) != 0 && opcode is Text or Binary;
        if ((_header[0] & Reserved & ~(compressed ? Compressed : 0)) != 0)
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
            // As nats-server: a new message before the last one's final frame, or a continuation of none, is an error.
            case Text or Binary when _inMessage:
                throw new IOException("websocket: new message started before final frame for previous message was received");
            case Continuation when !_inMessage:
                throw new IOException("websocket: invalid continuation frame");
            case Continuation or Text or Binary:
                (_remaining, _mask, _masked, _maskOffset, _finalFrame, _inMessage) = (length, mask, masked, 0, final, !final);
                if (compressed)
                {
                    StartInflating();
                }

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
                _closed = true;
                return false;
            }

            into = into[read..];
        }

        return true;
    }
}
