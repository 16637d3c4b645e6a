using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// The uplink comes and goes; the board does not: local traffic never stops, and once the hub is
/// back the link returns within the backoff with the board's interest exactly restored.
/// </summary>
public sealed class LeafReconnectTests
{
    [LeafTheory]
    public async Task Hub_restart_leaves_local_traffic_running_and_the_link_returns_with_its_interest(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var leaf = await pair.ConnectLeafAsync();
        await using var localReadings = await leaf.SubscribeCoreAsync<string>("local.readings");
        await using var commands = await leaf.SubscribeCoreAsync<string>("commands.pi1");
        await leaf.PingAsync();

        await pair.StopHubAsync();
        await leaf.PublishAsync("local.readings", "while the hub is away");
        Assert.Equal("while the hub is away", (await TestClients.NextAsync(localReadings)).Data);

        await pair.RestartHubAsync();
        await using var hub = await pair.ConnectHubAsync();
        await pair.CrossAsync(from: hub, to: leaf);

        // The subscription made before the outage is known to the new hub without any client help.
        await LeafMessagingTests.WaitForInterestAsync(hub, leaf, "commands.pi1");
        await hub.PublishAsync("commands.pi1", "after restart");
        string? data;
        do
        {
            data = (await TestClients.NextAsync(commands)).Data;
        }
        while (data == "warmup");

        Assert.Equal("after restart", data);
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub, LeafTopology.EdgeLeafToEdgeHub])]
    public async Task Remote_pointed_at_a_client_port_fails_fast_with_a_clear_error(LeafTopology topology)
    {
        await using var hub = await TestServers.StartAsync(LeafPair.HubTarget(topology));
        await using var leaf = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "reconnect": 1, "remotes": [ { "url": "nats-leaf://127.0.0.1:{{hub.Port}}" } ] }
            """, captureLog: true);

        await leaf.WaitForLogAsync("attempted to connect to wrong port");

        Assert.DoesNotContain("Leafnode connection created", leaf.Log, StringComparison.Ordinal);
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub, LeafTopology.EdgeLeafToEdgeHub])]
    public async Task Board_fails_over_from_a_dead_url_to_the_next(LeafTopology topology)
    {
        var deadPort = TestPorts.Free();
        await using var pair = await LeafPair.StartAsync(
            topology, remote: $", \"urls\": [ \"nats-leaf://127.0.0.1:{deadPort}\" ]", waitForLink: false);

        await pair.WaitForLinkAsync();
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub])]
    public async Task Board_fails_over_to_a_hub_cluster_member_it_only_heard_of(LeafTopology topology)
    {
        var (leafA, leafB, routeA, routeB) = (TestPorts.Free(), TestPorts.Free(), TestPorts.Free(), TestPorts.Free());
        var hubA = await TestServers.StartWithConfigAsync(LeafPair.HubTarget(topology), ClusterMember("hub-a", leafA, routeA, routeB));
        await using var hubB = await TestServers.StartWithConfigAsync(LeafPair.HubTarget(topology), ClusterMember("hub-b", leafB, routeB, routeA));
        try
        {
            await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
                "server_name": "board-failover",
                "leafnodes": { "reconnect": 1, "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafA}}" } ] }
                """);
            await using var onBoard = await TestClients.ConnectAsync(board);
            await using (var onA = await TestClients.ConnectAsync(hubA))
            {
                await LeafPair.WaitForCrossingAsync(from: onBoard, to: onA);
            }

            await hubA.DisposeAsync();

            // Only hub-a's URL is configured: reaching hub-b means its gossiped leafnode URL was used.
            await using var onB = await TestClients.ConnectAsync(hubB);
            await LeafPair.WaitForCrossingAsync(from: onBoard, to: onB);
        }
        finally
        {
            await hubA.DisposeAsync();
        }
    }

    [Fact]
    public async Task Broken_credentials_are_logged_and_retried_not_given_up()
    {
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $"\"leafnodes\": {{ \"listen\": \"127.0.0.1:{leafPort}\" }}");
        var creds = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-badcreds-").FullName, "broken.creds");
        await File.WriteAllTextAsync(creds, "-----BEGIN NATS USER JWT-----\nnot.a.jwt\n------END NATS USER JWT------\n-----BEGIN USER NKEY SEED-----\nSUNOTASEED\n------END USER NKEY SEED------\n");
        await using var board = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "reconnect": 0.2, "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}", "credentials": "{{creds}}" } ] }
            """, captureLog: true);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (System.Text.RegularExpressions.Regex.Count(board.Log, "Error trying to connect as leafnode") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the board gave up instead of retrying:\n" + board.Log);
            await Task.Delay(50);
        }
    }

    [LeafTheory]
    public async Task Two_boards_on_one_hub_get_each_message_once(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var second = await TestServers.StartWithConfigAsync(LeafPair.LeafTarget(topology), $$"""
            "server_name": "board-second",
            "leafnodes": { "reconnect": 1, "remotes": [ { "url": "nats-leaf://127.0.0.1:{{pair.LeafPort}}" } ] }
            """);
        await using var hub = await pair.ConnectHubAsync();
        await using var first = await pair.ConnectLeafAsync();
        await using var other = await TestClients.ConnectAsync(second);
        await using var onHub = await hub.SubscribeCoreAsync<string>("alerts");
        await using var onFirst = await first.SubscribeCoreAsync<string>("alerts");
        await using var onSecond = await other.SubscribeCoreAsync<string>("alerts");
        await LeafPair.WaitForCrossingAsync(from: first, to: other);
        await LeafPair.WaitForCrossingAsync(from: other, to: first);
        await LeafMessagingTests.WaitForInterestAsync(first, other, "alerts");
        await LeafMessagingTests.WaitForInterestAsync(other, first, "alerts");
        Drain(onHub, onFirst, onSecond);

        await first.PublishAsync("alerts", "smoke");
        await first.PingAsync();
        await hub.PingAsync();
        await other.PingAsync();

        foreach (var subscription in new[] { onHub, onFirst, onSecond })
        {
            string? data;
            do
            {
                data = (await TestClients.NextAsync(subscription)).Data;
            }
            while (data == "warmup");

            Assert.Equal("smoke", data);
        }

        // A loop would bring a second copy within milliseconds; nothing else can be polled for.
        await Task.Delay(300);
        Assert.All(new[] { onHub, onFirst, onSecond }, subscription => Assert.DoesNotContain("smoke", TestClients.Drain(subscription)));
    }

    private static void Drain(params NATS.Client.Core.INatsSub<string>[] subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            TestClients.Drain(subscription);
        }
    }

    private static string ClusterMember(string name, int leafPort, int routePort, int peerRoutePort) => $$"""
        "server_name": "{{name}}",
        "leafnodes": { "listen": "127.0.0.1:{{leafPort}}" },
        "cluster": { "name": "hubs", "listen": "127.0.0.1:{{routePort}}", "routes": [ "nats-route://127.0.0.1:{{peerRoutePort}}" ] }
        """;
}
