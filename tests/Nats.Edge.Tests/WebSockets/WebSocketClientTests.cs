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

    [ServerTheory]
    public async Task Compressed_ws_client_exchanges_large_and_small_messages(ServerTarget target)
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"compression\": true");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await webSocket.ConnectAsync(compress: true);
        await using var tcp = await TestClients.ConnectAsync(server);
        await using var readings = await browser.SubscribeCoreAsync<string>("sensors.>");
        await browser.PingAsync();
        var large = string.Concat(Enumerable.Repeat("21.5;", 20_000));

        await tcp.PublishAsync("sensors.pi1.log", large);
        await tcp.PublishAsync("sensors.pi1.t", "21.5");

        Assert.Equal(large, (await TestClients.NextAsync(readings)).Data);
        Assert.Equal("21.5", (await TestClients.NextAsync(readings)).Data);
        await ExchangeAsync(browser, tcp);
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
