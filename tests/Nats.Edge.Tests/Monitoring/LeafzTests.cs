using System.Text.Json;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/leafz</c>: the leafnode links on both ends, with the interest each far side announced.</summary>
public sealed class LeafzTests
{
    private const string Monitored = "\"http_port\": -1";

    [LeafTheory]
    public async Task Leafz_on_the_hub_lists_the_leaf_with_its_account_and_announced_interest(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, hubBody: Monitored);
        await using var leaf = await pair.ConnectLeafAsync();
        await using var commands = await leaf.SubscribeCoreAsync<string>("commands.pi1");
        await leaf.PingAsync();

        var leafz = await MonitorClient.WaitForAsync(pair.Hub, "/leafz?subs=1", json => Subjects(json).Contains("commands.pi1"));

        Assert.Equal(1, leafz.GetProperty("leafnodes").GetInt32());
        var link = Assert.Single(leafz.GetProperty("leafs").EnumerateArray());
        Assert.Equal("$G", link.GetProperty("account").GetString());
        Assert.Equal("127.0.0.1", link.GetProperty("ip").GetString());
        Assert.Equal(link.GetProperty("subscriptions_list").GetArrayLength(), link.GetProperty("subscriptions").GetInt32());
    }

    [LeafTheory]
    public async Task Leafz_on_the_leaf_lists_the_uplink_to_the_hubs_leafnode_port(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, leafBody: Monitored);

        var leafz = await MonitorClient.GetJsonAsync(pair.Leaf, "/leafz");

        var link = Assert.Single(leafz.GetProperty("leafs").EnumerateArray());
        Assert.Equal(pair.LeafPort, link.GetProperty("port").GetInt32());
        Assert.False(link.TryGetProperty("subscriptions_list", out _));
    }

    [LeafTheory]
    public async Task Leafz_counts_messages_that_crossed_the_link(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, hubBody: Monitored);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var readings = await hub.SubscribeCoreAsync<string>("readings");
        await LeafPair.WaitForCrossingAsync(from: leaf, to: hub);
        var before = Link(await MonitorClient.GetJsonAsync(pair.Hub, "/leafz"));

        await leaf.PublishAsync("readings", "21.5C");
        await TestClients.NextAsync(readings);

        var leafz = await MonitorClient.WaitForAsync(
            pair.Hub, "/leafz", json => Link(json).GetProperty("in_msgs").GetInt64() == before.GetProperty("in_msgs").GetInt64() + 1);
        Assert.Equal(before.GetProperty("in_bytes").GetInt64() + 5, Link(leafz).GetProperty("in_bytes").GetInt64());
    }

    [ServerTheory]
    public async Task Leafz_without_leafnodes_has_no_list(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var leafz = await MonitorClient.GetJsonAsync(server, "/leafz");

        Assert.Equal(0, leafz.GetProperty("leafnodes").GetInt32());
        Assert.Equal(JsonValueKind.Null, leafz.GetProperty("leafs").ValueKind);
    }

    private static JsonElement Link(JsonElement leafz) => leafz.GetProperty("leafs")[0];

    // subscriptions_list is left out while empty, and leafs is null until a link is up.
    private static List<string?> Subjects(JsonElement leafz)
    {
        var subjects = new List<string?>();
        if (leafz.GetProperty("leafs").ValueKind != JsonValueKind.Array)
        {
            return subjects;
        }

        foreach (var link in leafz.GetProperty("leafs").EnumerateArray())
        {
            if (link.TryGetProperty("subscriptions_list", out var list))
            {
                subjects.AddRange(list.EnumerateArray().Select(subject => subject.GetString()));
            }
        }

        return subjects;
    }
}
