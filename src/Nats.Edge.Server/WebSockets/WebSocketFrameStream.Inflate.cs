using System.IO.Compression;

namespace Nats.Edge.Server.WebSockets;

internal sealed partial class WebSocketFrameStream
{
    // What the inflater reads (one per connection, reset for each compressed message), and the inflater,
    // null between compressed messages.
    private DeflatedMessage? _message;
    private DeflateStream? _inflater;

    /// <summary>Whether the peer closed, by a close frame or by ending the connection.</summary>
    internal bool IsEnded => _closed;

    /// <summary>
    /// The current message's payload across its frames (control frames between them handled), unmasked;
    /// 0 at the message's end or the connection's.
    /// </summary>
    internal async ValueTask<int> ReadMessageAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (_remaining == 0)
        {
            if (_finalFrame || _closed || !await NextFrameAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }
        }

        var read = await _inner.ReadAsync(PayloadRoom(buffer), cancellationToken).ConfigureAwait(false);
        return TookPayload(buffer.Span[..read]);
    }

    // A fresh inflater for each message: the peer agreed to no context takeover, and the inflater's
    // output is pulled as the transport reads, so a small message cannot grow into a large buffer here.
    private void StartInflating()
    {
        _message ??= new DeflatedMessage(this);
        _message.Reset();
        _inflater = new DeflateStream(_message, CompressionMode.Decompress, leaveOpen: true);
    }

    // Inflated bytes of the current message; 0 once it is done, the inflater then gone.
    private async ValueTask<int> InflateAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read;
        try
        {
            read = await _inflater!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new IOException($"websocket: invalid compressed message: {ex.Message}", ex);
        }

        if (read > 0)
        {
            return read;
        }

        _inflater.Dispose();
        _inflater = null;

        // A deflate stream may end (a block marked final) before its message does: the rest means nothing.
        while (await ReadMessageAsync(_control, cancellationToken).ConfigureAwait(false) > 0)
        {
        }

        return 0;
    }
}
