using System.Net.WebSockets;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// .NET's own WebSocket framing over an upgraded stream, presented as a stream again so the
/// connection's transport runs over it unchanged: each write goes out as one binary message, reads
/// take the payload of whatever messages arrive (nats.ws and NATS.Net send binary, some clients text).
/// </summary>
internal static class WebSocketFraming
{
    public static WebSocketStream Open(Stream upgraded, bool isServer, bool compress)
    {
        var socket = WebSocket.CreateFromStream(upgraded, new WebSocketCreationOptions
        {
            IsServer = isServer,
            // NATS pings on its own; no timer per connection for WebSocket keep-alives.
            KeepAliveInterval = TimeSpan.Zero,
            DangerousDeflateOptions = compress ? new WebSocketDeflateOptions { ClientContextTakeover = false, ServerContextTakeover = false } : null,
        });

        // Closing never waits on the peer's close frame: the transport has already decided to go, and
        // the socket goes with it (disposing the WebSocket disposes the stream under it).
        return WebSocketStream.Create(socket, WebSocketMessageType.Binary, closeTimeout: TimeSpan.Zero);
    }
}
