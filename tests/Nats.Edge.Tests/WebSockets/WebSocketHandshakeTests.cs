using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.WebSockets;

/// <summary>
/// The websocket port's HTTP upgrade, raw, on both servers: the answer to a good request, the status
/// nats-server gives each bad one, and the origin checks of same_origin and allowed_origins.
/// </summary>
public sealed class WebSocketHandshakeTests
{
    // The request each case sends, and the answer's status line.
    private static readonly Dictionary<string, (Func<int, string> Request, string Status)> Table = new()
    {
        ["good"] = (port => RawHttp.Upgrade(port), "HTTP/1.1 101 Switching Protocols"),
        // Answered, then closed: the leaf has nowhere to log in.
        ["leafnode path without leafnodes"] = (port => RawHttp.Upgrade(port, path: "/leafnode"), "HTTP/1.1 101 Switching Protocols"),
        ["POST"] = (port => RawHttp.Upgrade(port, method: "POST"), "HTTP/1.1 405 Method Not Allowed"),
        ["no Upgrade"] = (port => RawHttp.Upgrade(port, without: ["Upgrade"]), "HTTP/1.1 400 Bad Request"),
        ["Upgrade: h2c"] = (port => RawHttp.Upgrade(port, without: ["Upgrade"], extra: "Upgrade: h2c"), "HTTP/1.1 400 Bad Request"),
        ["no Connection"] = (port => RawHttp.Upgrade(port, without: ["Connection"]), "HTTP/1.1 400 Bad Request"),
        ["Connection among others"] = (port => RawHttp.Upgrade(port, without: ["Connection"], extra: "Connection: keep-alive, Upgrade"), "HTTP/1.1 101 Switching Protocols"),
        ["no key"] = (port => RawHttp.Upgrade(port, without: ["Sec-WebSocket-Key"]), "HTTP/1.1 400 Bad Request"),
        ["version 8"] = (port => RawHttp.Upgrade(port, without: ["Sec-WebSocket-Version"], extra: "Sec-WebSocket-Version: 8"), "HTTP/1.1 400 Bad Request"),
        ["data before the answer"] = (port => RawHttp.Upgrade(port) + "\x82\x80", ""),
    };

    public static IEnumerable<string> Cases => Table.Keys;

    [ServerTheory(Cases = nameof(Cases))]
    public async Task Upgrade_request_gets_nats_server_answer(ServerTarget target, string name)
    {
        var (request, status) = Table[name];
        var webSocket = new WebSocketPort();
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);

        var answer = await RawHttp.SendAsync(webSocket.Port, request(webSocket.Port));

        Assert.Equal(status, answer.Split("\r\n")[0]);
    }

    [ServerTheory]
    public async Task Accepted_upgrade_proves_the_key_and_leaves_compression_unanswered(ServerTarget target)
    {
        var webSocket = new WebSocketPort();
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);

        var plain = await RawHttp.SendAsync(webSocket.Port, RawHttp.Upgrade(webSocket.Port));
        var offered = await RawHttp.SendAsync(webSocket.Port, RawHttp.Upgrade(webSocket.Port, extra: "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));

        // RFC 6455's own example: this key is answered with this accept value.
        Assert.Contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", plain, StringComparison.Ordinal);
        Assert.Contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("Sec-WebSocket-Extensions", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("Sec-WebSocket-Extensions", offered, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Same_origin_admits_pages_of_the_host_they_connect_to_only(ServerTarget target)
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"same_origin\": true");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        var port = webSocket.Port;

        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port, $"Origin: http://127.0.0.1:{port}"));
        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, "Origin: http://127.0.0.1:8080"));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, $"Origin: http://evil.example:{port}"));
    }

    [ServerTheory]
    public async Task Allowed_origins_admit_listed_scheme_host_and_port_only(ServerTarget target)
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"allowed_origins\": [\"http://dashboard.lan\", \"https://ops.lan:8443\"]");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        var port = webSocket.Port;

        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port, "Origin: http://dashboard.lan"));
        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port, "Origin: http://dashboard.lan:80"));
        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port, "Origin: https://ops.lan:8443"));
        Assert.Equal("HTTP/1.1 101 Switching Protocols", await StatusAsync(port));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, "Origin: https://dashboard.lan"));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, "Origin: http://dashboard.lan:8080"));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, "Origin: https://ops.lan"));
        Assert.Equal("HTTP/1.1 403 Forbidden", await StatusAsync(port, "Origin: http://evil.example"));
    }

    [Fact]
    public async Task Refused_upgrade_is_logged_with_nats_server_words()
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"same_origin\": true");
        await using var server = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, webSocket.Block, captureLog: true);

        await RawHttp.SendAsync(webSocket.Port, RawHttp.Upgrade(webSocket.Port, extra: "Origin: http://evil.example"));

        await server.WaitForLogAsync("- websocket handshake error: origin not allowed: not same origin");
    }

    private static async Task<string> StatusAsync(int port, params string[] headers) =>
        (await RawHttp.SendAsync(port, RawHttp.Upgrade(port, extra: headers))).Split("\r\n")[0];
}
