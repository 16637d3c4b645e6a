using System.Net;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/subsz</c> (alias <c>/subscriptionsz</c>): subscription counts and, with <c>subs=1</c>, the subscriptions.</summary>
public sealed class SubszTests
{
    // nats-server counts its own $SYS service subscriptions (43 on an idle 2.9.10) and nats-edge has
    // none of those, so the two servers agree on how a client's subscriptions change the count, not
    // on the count itself.
    [ServerTheory]
    public async Task Subsz_counts_two_more_subscriptions_for_a_client_holding_two(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        var before = (await MonitorClient.GetJsonAsync(server, "/subsz")).GetProperty("num_subscriptions").GetInt64();
        await using var raw = await RawClient.OpenSessionAsync(server.Port);
        await raw.SendAsync("SUB sensors.temperature 1\r\nSUB sensors.humidity 2\r\n");
        await raw.PingPongAsync();

        var subsz = await MonitorClient.GetJsonAsync(server, "/subsz");

        Assert.Equal(before + 2, subsz.GetProperty("num_subscriptions").GetInt64());
        Assert.Equal(before + 2, subsz.GetProperty("num_inserts").GetInt64());
        Assert.Equal(0, subsz.GetProperty("num_removes").GetInt64());
    }

    [ServerTheory]
    public async Task Subsz_test_lists_only_the_subscriptions_a_subject_reaches(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var raw = await RawClient.OpenSessionAsync(server.Port);
        await raw.SendAsync("SUB sensors.* 1\r\nSUB other 2\r\nSUB sensors.temperature workers 3\r\nUNSUB 3 5\r\n");
        await raw.PingPongAsync();

        var subsz = await MonitorClient.GetJsonAsync(server, "/subsz?subs=1&test=sensors.temperature");

        Assert.Equal(2, subsz.GetProperty("total").GetInt32());
        var subscriptions = subsz.GetProperty("subscriptions_list").EnumerateArray().OrderBy(s => s.GetProperty("sid").GetString()).ToArray();
        Assert.Equal(("$G", "sensors.*", "1"), Describe(subscriptions[0]));
        Assert.Equal(("$G", "sensors.temperature", "3"), Describe(subscriptions[1]));
        Assert.Equal("workers", subscriptions[1].GetProperty("qgroup").GetString());
        Assert.Equal(5, subscriptions[1].GetProperty("max").GetInt64());
        Assert.False(subscriptions[0].TryGetProperty("max", out _));
    }

    [ServerTheory]
    public async Task Subsz_pages_the_subscription_list(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var raw = await RawClient.OpenSessionAsync(server.Port);
        await raw.SendAsync("SUB a.b 1\r\nSUB a.* 2\r\nSUB a.> 3\r\n");
        await raw.PingPongAsync();

        var subsz = await MonitorClient.GetJsonAsync(server, "/subsz?subs=1&test=a.b&offset=1&limit=1");

        // nats-server 2.9 counts the page in total, not everything the test subject reached.
        Assert.Equal(1, subsz.GetProperty("total").GetInt32());
        Assert.Equal(1, subsz.GetProperty("offset").GetInt32());
        Assert.Equal(1, subsz.GetProperty("limit").GetInt32());
        Assert.Single(subsz.GetProperty("subscriptions_list").EnumerateArray());
    }

    [ServerTheory]
    public async Task Subsz_without_subs_answers_with_the_counts_alone(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var subsz = await MonitorClient.GetJsonAsync(server, "/subsz");

        Assert.False(subsz.TryGetProperty("subscriptions_list", out _));
        Assert.False(subsz.TryGetProperty("server_id", out _));
        Assert.True(subsz.TryGetProperty("cache_hit_rate", out _));
    }

    [ServerTheory]
    public async Task Subscriptionsz_is_the_same_endpoint(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var subsz = await MonitorClient.GetJsonAsync(server, "/subscriptionsz");

        Assert.True(subsz.TryGetProperty("num_subscriptions", out _));
    }

    [ServerTheory]
    public async Task Subsz_refuses_a_test_subject_with_wildcards(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/subsz?subs=1&test=sensors.*");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static (string?, string?, string?) Describe(System.Text.Json.JsonElement subscription) => (
        subscription.GetProperty("account").GetString(), subscription.GetProperty("subject").GetString(), subscription.GetProperty("sid").GetString());
}
