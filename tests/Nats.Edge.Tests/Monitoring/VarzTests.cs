using System.Globalization;
using System.Text.Json;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/varz</c>: identity, limits in nats-server's units, and totals.</summary>
public sealed class VarzTests
{
    [ServerTheory]
    public async Task Varz_reports_the_client_port_and_limits_with_durations_in_nanoseconds(ServerTarget target)
    {
        var options = TestServers.Monitored with { MaxPayload = 65536, PingInterval = TimeSpan.FromSeconds(30) };
        await using var server = await TestServers.StartAsync(target, options);

        var varz = await MonitorClient.GetJsonAsync(server, "/varz");

        Assert.Equal("127.0.0.1", varz.GetProperty("host").GetString());
        Assert.Equal(server.Port, varz.GetProperty("port").GetInt32());
        Assert.Equal(65536, varz.GetProperty("max_payload").GetInt32());
        Assert.Equal(30_000_000_000, varz.GetProperty("ping_interval").GetInt64());
        Assert.Equal(10_000_000_000, varz.GetProperty("write_deadline").GetInt64());
        Assert.Equal(2, varz.GetProperty("auth_timeout").GetDouble());
        Assert.Equal(65536, varz.GetProperty("max_connections").GetInt32());
        Assert.Equal("127.0.0.1", varz.GetProperty("http_host").GetString());
        Assert.Equal(-1, varz.GetProperty("http_port").GetInt32());
        Assert.Equal("$SYS", varz.GetProperty("system_account").GetString());
    }

    [ServerTheory]
    public async Task Varz_times_are_rfc3339_and_uptime_is_compact(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var varz = await MonitorClient.GetJsonAsync(server, "/varz");

        var start = DateTime.Parse(varz.GetProperty("start").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Assert.Equal(DateTimeKind.Utc, start.Kind);
        Assert.InRange(DateTime.UtcNow - start, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Matches(@"^\d+s$", varz.GetProperty("uptime").GetString());
    }

    [ServerTheory]
    public async Task Varz_counts_connections_and_messages_both_ways(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<string>("readings");
        await nats.PingAsync();

        for (var i = 0; i < 3; i++)
        {
            await nats.PublishAsync("readings", "21.5C");
        }

        for (var i = 0; i < 3; i++)
        {
            await TestClients.NextAsync(sub);
        }

        var varz = await MonitorClient.WaitForAsync(server, "/varz", json => json.GetProperty("out_msgs").GetInt64() == 3);
        Assert.Equal(1, varz.GetProperty("connections").GetInt32());
        Assert.Equal(1, varz.GetProperty("total_connections").GetInt64());
        Assert.Equal(3, varz.GetProperty("in_msgs").GetInt64());
        Assert.Equal(15, varz.GetProperty("in_bytes").GetInt64());
        Assert.Equal(15, varz.GetProperty("out_bytes").GetInt64());
        Assert.Equal(0, varz.GetProperty("slow_consumers").GetInt64());
    }

    [ServerTheory]
    public async Task Varz_totals_keep_the_messages_of_connections_that_closed(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using (var publisher = await TestClients.ConnectAsync(server))
        {
            await publisher.PublishAsync("nobody.listens", "12345678");
            await publisher.PublishAsync("nobody.listens", "12345678");
            await publisher.PingAsync();
        }

        var varz = await MonitorClient.WaitForAsync(server, "/varz", json => json.GetProperty("connections").GetInt32() == 0);
        Assert.Equal(2, varz.GetProperty("in_msgs").GetInt64());
        Assert.Equal(16, varz.GetProperty("in_bytes").GetInt64());
        Assert.Equal(1, varz.GetProperty("total_connections").GetInt64());
    }

    [ServerTheory]
    public async Task Varz_counts_requests_per_endpoint_including_the_one_being_answered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await MonitorClient.GetJsonAsync(server, "/connz");
        await MonitorClient.GetJsonAsync(server, "/varz");

        var stats = (await MonitorClient.GetJsonAsync(server, "/varz")).GetProperty("http_req_stats");

        Assert.Equal(2, stats.GetProperty("/varz").GetInt64());
        Assert.Equal(1, stats.GetProperty("/connz").GetInt64());
        Assert.False(stats.TryGetProperty("/subsz", out _));
    }

    [ServerTheory]
    public async Task Varz_shows_the_leafnode_listener_and_each_remote_with_its_deny_lists(ServerTarget target)
    {
        var leafPort = TestPorts.Free();
        var hubPort = TestPorts.Free();
        await using var server = await TestServers.StartWithConfigAsync(target, $$"""
            "http_port": -1,
            "leafnodes": {
              "listen": "127.0.0.1:{{leafPort}}",
              "remotes": [ { "url": "nats-leaf://127.0.0.1:{{hubPort}}", "account": "$G", "deny_imports": ["secret.>"], "deny_exports": ["local.>"] } ]
            }
            """);

        var leaf = (await MonitorClient.GetJsonAsync(server, "/varz")).GetProperty("leaf");

        Assert.Equal("127.0.0.1", leaf.GetProperty("host").GetString());
        Assert.Equal(leafPort, leaf.GetProperty("port").GetInt32());
        Assert.Equal(2, leaf.GetProperty("auth_timeout").GetDouble());
        Assert.Equal(2, leaf.GetProperty("tls_timeout").GetDouble());
        var remote = Assert.Single(leaf.GetProperty("remotes").EnumerateArray());
        Assert.Equal("$G", remote.GetProperty("local_account").GetString());
        Assert.Equal([$"127.0.0.1:{hubPort}"], Strings(remote.GetProperty("urls")));
        Assert.Equal(["secret.>"], Strings(remote.GetProperty("deny").GetProperty("imports")));
        Assert.Equal(["local.>"], Strings(remote.GetProperty("deny").GetProperty("exports")));
    }

    [ServerTheory]
    public async Task Varz_leaf_is_an_empty_object_without_leafnodes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var varz = await MonitorClient.GetJsonAsync(server, "/varz");

        Assert.Empty(varz.GetProperty("leaf").EnumerateObject());
        Assert.Empty(varz.GetProperty("gateway").EnumerateObject());
    }

    [Fact]
    public async Task Varz_runtime_counts_collections_and_the_managed_heap()
    {
        await using var server = await TestServers.StartAsync(ServerTarget.Edge, TestServers.Monitored);
        var before = (await MonitorClient.GetJsonAsync(server, "/varz")).GetProperty("runtime");

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        var after = (await MonitorClient.GetJsonAsync(server, "/varz")).GetProperty("runtime");

        // The test host is the server's process here, so its forced collection is the server's too.
        Assert.True(after.GetProperty("gen0_collections").GetInt32() > before.GetProperty("gen0_collections").GetInt32());
        Assert.True(after.GetProperty("gen2_collections").GetInt32() >= 0);
        Assert.True(after.GetProperty("heap_bytes").GetInt64() > 0);
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString() ?? string.Empty)];
}
