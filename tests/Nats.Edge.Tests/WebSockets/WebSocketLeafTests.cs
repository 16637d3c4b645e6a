using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.WebSockets;

/// <summary>
/// Leafnodes over a hub's websocket port (<c>ws://</c> and <c>wss://</c> remotes, path <c>/leafnode</c>),
/// for a board whose firewall passes only HTTP: nats-edge against nats-server both ways, and against itself.
/// </summary>
public sealed class WebSocketLeafTests
{
    [LeafTheory]
    public async Task Messages_cross_a_ws_leafnode_link_both_ways(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, webSocket: new WebSocketPort());

        await AssertLinkedOverWebSocketAsync(pair);
    }

    [LeafTheory]
    public async Task Messages_cross_a_wss_leafnode_link_both_ways(LeafTopology topology)
    {
        using var certificates = new TestCertificates();
        var webSocket = new WebSocketPort($"\"tls\": {{ \"cert_file\": \"{certificates.ServerCertificateFile}\", \"key_file\": \"{certificates.ServerKeyFile}\" }}");
        await using var pair = await LeafPair.StartAsync(
            topology, remote: $", \"tls\": {{ \"ca_file\": \"{certificates.CaFile}\" }}", webSocket: webSocket, secure: true);

        await AssertLinkedOverWebSocketAsync(pair);
    }

    [Fact]
    public async Task A_remote_at_a_hub_without_a_websocket_upgrade_fails_with_nats_server_words()
    {
        // The hub's leafnode port answers a WebSocket request with INFO, not HTTP.
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $"\"leafnodes\": {{ \"listen\": \"127.0.0.1:{leafPort}\" }}");
        await using var board = (EdgeServer)await TestServers.StartWithConfigAsync(
            ServerTarget.Edge, $"\"leafnodes\": {{ \"remotes\": [ {{ \"url\": \"ws://127.0.0.1:{leafPort}\" }} ] }}", captureLog: true);

        await board.WaitForLogAsync($"Error trying to connect as leafnode to remote server \"ws://127.0.0.1:{leafPort}\": invalid websocket connection");
    }

    // The leaf's only remote is the websocket URL, so whatever crosses went through the WebSocket.
    private static async Task AssertLinkedOverWebSocketAsync(LeafPair pair)
    {
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var readings = await LeafPair.SubscribeAcrossAsync(from: leaf, to: hub, "sensors.>", "sensors");
        await using var commands = await LeafPair.SubscribeAcrossAsync(from: hub, to: leaf, "commands.>", "commands");

        await leaf.PublishAsync("sensors.pi1.temperature", "21.5");
        await hub.PublishAsync("commands.pi1.relay", "on");

        Assert.Equal("21.5", (await TestClients.NextOnAsync(readings, "sensors.pi1.temperature")).Data);
        Assert.Equal("on", (await TestClients.NextOnAsync(commands, "commands.pi1.relay")).Data);
    }
}
