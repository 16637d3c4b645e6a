using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.WebSockets;

/// <summary>
/// permessage-deflate on the websocket port (<c>compression: true</c>), raw, on both servers: the answer
/// to the offer, compressed frames in both directions, and the 64-byte threshold under which
/// nats-server sends frames as they are. Then websocket leafnodes that offer it. NATS.Net offering it
/// is among <see cref="WebSocketClientTests"/>.
/// </summary>
public sealed class WebSocketCompressionTests
{
    private const string Offer = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits";
    private const string Answer = "\r\nSec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover";

    [ServerTheory]
    public async Task An_offer_is_answered_with_no_context_takeover_both_ways(ServerTarget target)
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"compression\": true");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);

        var offered = await RawHttp.SendAsync(webSocket.Port, RawHttp.Upgrade(webSocket.Port, extra: Offer));
        var plain = await RawHttp.SendAsync(webSocket.Port, RawHttp.Upgrade(webSocket.Port));

        Assert.StartsWith("HTTP/1.1 101 Switching Protocols", offered, StringComparison.Ordinal);
        Assert.Contains(Answer, offered, StringComparison.Ordinal);
        Assert.DoesNotContain("Sec-WebSocket-Extensions", plain, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Compressed_frames_are_understood_and_long_messages_come_back_compressed(ServerTarget target)
    {
        var webSocket = new WebSocketPort("\"no_tls\": true, \"compression\": true");
        await using var server = await TestServers.StartWithConfigAsync(target, webSocket.Block);
        await using var browser = await RawWebSocket.ConnectAsync(webSocket.Port, Offer);
        await using var tcp = await TestClients.ConnectAsync(server);
        await using var up = await tcp.SubscribeCoreAsync<string>("devices.pi1.relay.set");
        await tcp.PingAsync();
        var reading = "{\"temperature\":21.5,\"humidity\":40.1,\"unit\":\"C\"}" + new string(' ', 200) + "end";

        var info = await browser.ReadUntilAsync("\r\n");
        await browser.SendAsync("CONNECT {\"verbose\":false,\"protocol\":1}\r\nSUB devices.pi1.temperature 1\r\nPUB devices.pi1.relay.set 2\r\non\r\nPING\r\n", deflate: true);
        var pong = await browser.ReadUntilAsync("PONG\r\n");
        await tcp.PublishAsync("devices.pi1.temperature", reading);
        var message = await browser.ReadUntilAsync("end\r\n");

        Assert.StartsWith("INFO {", info.Text, StringComparison.Ordinal);
        Assert.Equal(1, info.Compressed);
        Assert.Equal(("PONG\r\n", 0), pong);
        Assert.Equal("on", (await TestClients.NextAsync(up)).Data);
        Assert.Equal($"MSG devices.pi1.temperature 1 {reading.Length}\r\n{reading}\r\n", message.Text);
        Assert.Equal(1, message.Compressed);
    }

    [LeafTheory]
    public async Task Messages_cross_a_compressed_ws_leafnode_link_both_ways(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(
            topology, remote: ", \"ws_compression\": true", webSocket: new WebSocketPort("\"no_tls\": true, \"compression\": true"));
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var readings = await LeafPair.SubscribeAcrossAsync(from: leaf, to: hub, "sensors.>", "sensors");
        await using var commands = await LeafPair.SubscribeAcrossAsync(from: hub, to: leaf, "commands.>", "commands");
        var reading = "{\"temperature\":21.5,\"humidity\":40.1}" + new string('.', 5000);
        var command = "{\"relay\":\"on\",\"for\":\"10m\"}" + new string('.', 5000);

        await leaf.PublishAsync("sensors.pi1.temperature", reading);
        await hub.PublishAsync("commands.pi1.relay", command);

        Assert.Equal(reading, (await TestClients.NextOnAsync(readings, "sensors.pi1.temperature")).Data);
        Assert.Equal(command, (await TestClients.NextOnAsync(commands, "commands.pi1.relay")).Data);
    }
}
