using System.Text;
using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.WebSockets;

/// <summary>NATS.Net over the websocket port, as a browser page with nats.ws would connect, beside ordinary TCP clients.</summary>
public sealed class WebSocketClientTests
{
    [ServerTheory]
    public async Task Ws_client_publishes_and_subscribes_with_tcp_clients(ServerTarget target)
    {
        var webSocket = new WebSocketPort();
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await webSocket.ConnectAsync();
        await using var tcp = await TestClients.ConnectAsync(server);

        await ExchangeAsync(browser, tcp);
    }

    [ServerTheory]
    public async Task Wss_client_trusting_the_test_authority_publishes_and_subscribes(ServerTarget target)
    {
        using var certificates = new TestCertificates();
        var webSocket = new WebSocketPort($"\"tls\": {{ \"cert_file\": \"{certificates.ServerCertificateFile}\", \"key_file\": \"{certificates.ServerKeyFile}\" }}");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await webSocket.ConnectAsync(certificates);
        await using var tcp = await TestClients.ConnectAsync(server);

        await ExchangeAsync(browser, tcp);
    }

    // Plain frames, or permessage-deflate offered by the client (as browsers do) and taken up by the port.
    public static IEnumerable<string> Framings => ["plain", "compressed"];

    [ServerTheory(Cases = nameof(Framings))]
    public async Task Ws_client_exchanges_messages_of_every_frame_length_both_ways(ServerTarget target, string framing)
    {
        var deflate = framing == "compressed";
        var webSocket = new WebSocketPort(deflate ? "\"no_tls\": true, \"compression\": true" : "\"no_tls\": true");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await webSocket.ConnectAsync(deflate: deflate);
        await using var tcp = await TestClients.ConnectAsync(server);
        await using var toBrowser = await browser.SubscribeCoreAsync<string>("logs.down");
        await using var toTcp = await tcp.SubscribeCoreAsync<string>("logs.up");
        await browser.PingAsync();
        await tcp.PingAsync();

        // Payloads whose frames take a 7-bit, a 16-bit and a 64-bit length, and the edge of deflate's threshold.
        foreach (var size in new[] { 1, 60, 100, 1_000, 65_000, 70_000, 300_000 })
        {
            var payload = new string('x', size - 1) + "!";
            await tcp.PublishAsync("logs.down", payload);
            await browser.PublishAsync("logs.up", payload);

            Assert.Equal(payload, (await TestClients.NextAsync(toBrowser)).Data);
            Assert.Equal(payload, (await TestClients.NextAsync(toTcp)).Data);
        }
    }

    [ServerTheory]
    public async Task A_client_the_server_closes_gets_a_close_frame_with_the_reason(ServerTarget target)
    {
        var webSocket = new WebSocketPort();
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await RawWebSocket.ConnectAsync(webSocket.Port);
        await browser.ReadUntilAsync("\r\n");

        await browser.SendAsync("CONNECT {\"verbose\":false}\r\nFOO\r\n");
        var error = await browser.ReadUntilAsync("\r\n");
        var close = await browser.ReadFrameAsync();

        Assert.Equal("-ERR 'Unknown Protocol Operation'\r\n", error.Text);
        Assert.NotNull(close);
        Assert.Equal(0x88, close.Value.First);
        Assert.Equal("\u0003\u00eaProtocol Violation", Encoding.Latin1.GetString(close.Value.Payload));
        Assert.Null(await browser.ReadFrameAsync());
    }

    // Both ways: the WebSocket client's subscription and publish, a TCP client on the other end.
    private static async Task ExchangeAsync(NatsConnection webSocket, NatsConnection tcp)
    {
        await using var toBrowser = await webSocket.SubscribeCoreAsync<string>("devices.pi1.temperature");
        await using var toTcp = await tcp.SubscribeCoreAsync<string>("devices.pi1.relay.set");
        await webSocket.PingAsync();
        await tcp.PingAsync();

        await tcp.PublishAsync("devices.pi1.temperature", "21.5");
        await webSocket.PublishAsync("devices.pi1.relay.set", "on");

        Assert.Equal("21.5", (await TestClients.NextAsync(toBrowser)).Data);
        Assert.Equal("on", (await TestClients.NextAsync(toTcp)).Data);
    }
}
