using System.Net.Sockets;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// The websocket port's side of a new connection: TLS when configured, the HTTP upgrade, then an
/// ordinary client session (or a leafnode one, on <c>/leafnode</c>) over the WebSocket's stream.
/// </summary>
internal sealed class WebSocketAcceptor
{
    // Requests are small and the client waits for the answer, so a whole request comes in one read.
    private const int ReadChunk = 4096;

    private readonly NatsServer _server;
    private readonly WebsocketOptions _options;
    private readonly ServerTls? _tls;
    private readonly OriginPolicy _origins;

    public WebSocketAcceptor(NatsServer server, WebsocketOptions options)
    {
        _server = server;
        _options = options;
        _tls = options.Tls is { } tls ? new ServerTls(tls) : null;
        _origins = new OriginPolicy(options);
    }

    /// <summary><c>ws</c>, or <c>wss</c> with TLS: the scheme clients dial.</summary>
    public string Scheme => _tls is null ? "ws" : "wss";

    /// <summary>Takes an accepted socket through the upgrade; the accept loop goes on at once.</summary>
    public void Accept(Socket socket) => _ = UpgradeAsync(socket);

    private async Task UpgradeAsync(Socket socket)
    {
        var remote = socket.RemoteEndPoint?.ToString();
        Stream? stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_tls is not null)
            {
                var (ssl, error) = await _tls.AcceptAsync(stream).ConfigureAwait(false);
                if (ssl is null)
                {
                    stream = null;
                    if (error is not null)
                    {
                        _server.Log.Error($"{remote} - websocket TLS handshake error: {error}");
                    }

                    return;
                }

                stream = ssl;
            }

            using var deadline = new CancellationTokenSource(_options.HandshakeTimeout);
            HttpHead? head = null;
            HandshakeRefusal? refusal = null;
            UpgradeRequest? request = null;
            try
            {
                head = await HttpHead.ReadAsync(stream, ReadChunk, deadline.Token).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                refusal = new HandshakeRefusal(400, ex.Message);
            }

            if (head is not null)
            {
                // nats-server means to answer 400 to data sent ahead of its answer, but its HTTP server
                // has handed the connection over by then: the answer never goes out, the connection closes.
                refusal = UpgradeRequest.Check(head, _origins, _tls is not null, out request)
                    ?? (head.Overrun ? new HandshakeRefusal(0, "client sent data before handshake is complete") : null);
            }

            if (refusal is not null)
            {
                _server.Log.Error($"{remote} - websocket handshake error: {refusal.Reason}");
                if (refusal.Status != 0)
                {
                    await stream.WriteAsync(refusal.Response(), deadline.Token).ConfigureAwait(false);
                }

                return;
            }

            // The peer closed before its request was whole.
            if (request is null)
            {
                return;
            }

            var deflate = _options.Compression && request.OffersDeflate;
            await stream.WriteAsync(Accepted(request.Key, deflate), deadline.Token).ConfigureAwait(false);

            // As nats-server, after the answer: a leaf cannot be served without a leafnode setup to log it in.
            if (request.IsLeaf && _server.Options.Leafnodes?.Port is null)
            {
                _server.Log.Error("Not configured to accept leaf node connections");
                return;
            }

            var webSocket = new WebSocketFrameStream(stream, isClient: false, deflate);
            stream = null;
            _server.AcceptWebSocket(socket, webSocket, request.IsLeaf);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer left, or did not finish its request within handshake_timeout: nobody to answer.
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // RFC 6455, 4.2.2. Without compression configured an offer goes unanswered, and the client sends
    // uncompressed frames.
    private static byte[] Accepted(string key, bool deflate) => Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + WebSocketKey.Accept(key) + "\r\n"
        + (deflate ? PerMessageDeflate.HeaderLine : string.Empty) + "\r\n");
}
