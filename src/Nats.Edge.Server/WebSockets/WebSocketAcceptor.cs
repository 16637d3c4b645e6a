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
            var (request, refusal) = await ReadRequestAsync(stream, deadline.Token).ConfigureAwait(false);
            if (request is null)
            {
                if (refusal.Reason is not null)
                {
                    _server.Log.Error($"{remote} - websocket handshake error: {refusal.Reason}");
                }

                if (refusal.Status != 0)
                {
                    await stream.WriteAsync(refusal.Response(), deadline.Token).ConfigureAwait(false);
                }

                return;
            }

            var compress = _options.Compression && request.OffersDeflate;
            await stream.WriteAsync(Accepted(request.Key, compress), deadline.Token).ConfigureAwait(false);

            // As nats-server, after the answer: a leaf cannot be served without a leafnode setup to log it in.
            if (request.IsLeaf && _server.Options.Leafnodes?.Port is null)
            {
                _server.Log.Error("Not configured to accept leaf node connections");
                return;
            }
            var webSocket = WebSocketFraming.Open(stream, isServer: true, compress);
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

    private async Task<(UpgradeRequest? Request, HandshakeRefusal Refusal)> ReadRequestAsync(Stream stream, CancellationToken deadline)
    {
        try
        {
            var (head, overrun) = await HttpHead.ReadAsync(stream, ReadChunk, deadline).ConfigureAwait(false);
            if (head is null)
            {
                return (null, default);
            }

            // nats-server means to answer 400 here, but its HTTP server has handed the connection over
            // by then, so the answer never goes out and the client sees the connection close.
            var (request, refusal) = UpgradeRequest.Check(head, _origins, _tls is not null);
            return request is not null && overrun
                ? (null, new HandshakeRefusal(0, "client sent data before handshake is complete"))
                : (request, refusal);
        }
        catch (InvalidDataException ex)
        {
            return (null, new HandshakeRefusal(400, ex.Message));
        }
    }

    // RFC 6455, 4.2.2, with nats-server's compression parameters when the client offered compression.
    private static byte[] Accepted(string key, bool compress) => Encoding.ASCII.GetBytes(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + WebSocketKey.Accept(key) + "\r\n"
        + (compress ? $"{PerMessageDeflate.Header}: {PerMessageDeflate.Parameters}\r\n" : string.Empty)
        + "\r\n");
}
