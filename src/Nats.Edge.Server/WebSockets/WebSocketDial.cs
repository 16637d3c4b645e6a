namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// The client side of the upgrade, for a leafnode remote with a <c>ws://</c> or <c>wss://</c> URL:
/// the request nats-server's leafs send (path <c>/leafnode</c>), the answer checked, and the framing
/// on top, masking what it sends as a client must.
/// </summary>
internal static class WebSocketDial
{
    private const string LeafPath = "/leafnode";

    /// <summary>
    /// Upgrades <paramref name="stream"/> (the dialled socket, inside TLS for wss), offering
    /// permessage-deflate when <paramref name="deflate"/>; throws <see cref="IOException"/> when the far
    /// side does not switch to WebSocket.
    /// </summary>
    public static async Task<Stream> UpgradeAsync(Stream stream, Uri url, bool deflate, CancellationToken deadline)
    {
        var key = WebSocketKey.New();

        // As nats-server: a path in the URL goes after /leafnode, less its leading slash.
        var request = $"GET {LeafPath}{url.AbsolutePath.TrimStart('/')} HTTP/1.1\r\nHost: {url.Authority}\r\n"
            + $"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            + (deflate ? PerMessageDeflate.HeaderLine : string.Empty) + "\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline).ConfigureAwait(false);

        // A byte at a time: the hub's first frames may follow its answer in the same segment.
        HttpHead? answer;
        try
        {
            answer = await HttpHead.ReadAsync(stream, chunk: 1, deadline).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            answer = null;
        }

        if (answer?.StartLine.Split(' ') is not [_, "101", ..]
            || !answer.HasToken("Upgrade", "websocket") || !answer.HasToken("Connection", "Upgrade")
            || answer["Sec-WebSocket-Accept"] != WebSocketKey.Accept(key))
        {
            throw new IOException($"invalid websocket connection{(answer is null ? string.Empty : $" ({answer.StartLine})")}");
        }

        // As nats-server's remotes: a hub that does not take up the offer gets an uncompressed link; one
        // that keeps its window between messages is refused, as this side inflates each on its own.
        if (deflate)
        {
            deflate = PerMessageDeflate.Find(answer, out var noContextTakeover);
            if (deflate && !noContextTakeover)
            {
                throw new IOException("compression negotiation error");
            }
        }

        return new WebSocketFrameStream(stream, isClient: true, deflate);
    }
}
