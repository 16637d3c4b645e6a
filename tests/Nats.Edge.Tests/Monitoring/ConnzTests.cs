using System.Net;
using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/connz</c>: the open client connections, with their traffic, subscriptions, sorting and paging.</summary>
public sealed class ConnzTests
{
    [ServerTheory]
    public async Task Connz_lists_a_client_with_its_name_and_two_subscriptions(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var temperature = await nats.SubscribeCoreAsync<string>("sensors.temperature");
        await using var humidity = await nats.SubscribeCoreAsync<string>("sensors.humidity");
        await nats.PingAsync();

        var connz = await MonitorClient.GetJsonAsync(server, "/connz?subs=1");

        Assert.Equal(1, connz.GetProperty("num_connections").GetInt32());
        Assert.Equal(1, connz.GetProperty("total").GetInt32());
        Assert.Equal(0, connz.GetProperty("offset").GetInt32());
        Assert.Equal(1024, connz.GetProperty("limit").GetInt32());
        var client = Assert.Single(connz.GetProperty("connections").EnumerateArray());
        Assert.Equal("Client", client.GetProperty("kind").GetString());
        Assert.Equal("nats", client.GetProperty("type").GetString());
        Assert.Equal("127.0.0.1", client.GetProperty("ip").GetString());
        Assert.Equal("nats-edge-tests", client.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(client.GetProperty("lang").GetString()));
        // NATS.Net also holds one subscription of its own, on its reply inbox.
        var subjects = Strings(client.GetProperty("subscriptions_list"));
        Assert.Contains("sensors.temperature", subjects);
        Assert.Contains("sensors.humidity", subjects);
        Assert.Equal(subjects.Length, client.GetProperty("subscriptions").GetInt32());
    }

    [ServerTheory]
    public async Task Connz_counts_messages_and_payload_bytes_each_way(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var subscriber = await TestClients.ConnectAsync(server);
        await using var publisher = await TestClients.ConnectAsync(server);
        await using var sub = await subscriber.SubscribeCoreAsync<string>("counts");
        await subscriber.PingAsync();

        for (var i = 0; i < 4; i++)
        {
            await publisher.PublishAsync("counts", "0123456789");
        }

        for (var i = 0; i < 4; i++)
        {
            await TestClients.NextAsync(sub);
        }

        var connz = await MonitorClient.WaitForAsync(server, "/connz", json => Connections(json)[0].GetProperty("out_msgs").GetInt64() == 4);
        var (receiving, sending) = (Connections(connz)[0], Connections(connz)[1]);
        Assert.Equal((4, 40, 0, 0), Traffic(receiving, "out", "in"));
        Assert.Equal((4, 40, 0, 0), Traffic(sending, "in", "out"));
    }

    [ServerTheory]
    public async Task Connz_detail_lists_each_subscription_with_sid_queue_group_and_deliveries(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var raw = await RawClient.OpenSessionAsync(server.Port);
        await raw.SendAsync("SUB jobs workers 7\r\nPUB jobs 2\r\nhi\r\nPING\r\n");
        await raw.ExpectAsync("MSG jobs 7 2\r\nhi\r\nPONG\r\n");

        var connz = await MonitorClient.GetJsonAsync(server, "/connz?subs=detail");

        var client = Connections(connz)[0];
        Assert.False(client.TryGetProperty("subscriptions_list", out _));
        var detail = Assert.Single(client.GetProperty("subscriptions_list_detail").EnumerateArray());
        Assert.Equal("jobs", detail.GetProperty("subject").GetString());
        Assert.Equal("workers", detail.GetProperty("qgroup").GetString());
        Assert.Equal("7", detail.GetProperty("sid").GetString());
        Assert.Equal(1, detail.GetProperty("msgs").GetInt64());
        Assert.Equal(client.GetProperty("cid").GetUInt64(), detail.GetProperty("cid").GetUInt64());
    }

    [ServerTheory]
    public async Task Connz_sorted_by_msgs_from_puts_the_busiest_publisher_first(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var one = await PublishingClientAsync(server, 1);
        await using var three = await PublishingClientAsync(server, 3);
        await using var two = await PublishingClientAsync(server, 2);

        var connz = await MonitorClient.GetJsonAsync(server, "/connz?sort=msgs_from");

        Assert.Equal([3L, 2L, 1L], Connections(connz).Select(c => c.GetProperty("in_msgs").GetInt64()));
    }

    [ServerTheory]
    public async Task Connz_sorts_by_cid_by_default_and_pages_with_offset_and_limit(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var first = await PublishingClientAsync(server, 0);
        await using var second = await PublishingClientAsync(server, 0);
        await using var third = await PublishingClientAsync(server, 0);
        var all = Connections(await MonitorClient.GetJsonAsync(server, "/connz")).Select(c => c.GetProperty("cid").GetUInt64()).ToArray();

        var page = await MonitorClient.GetJsonAsync(server, "/connz?offset=1&limit=1");

        Assert.Equal(all.Order(), all);
        Assert.Equal(1, page.GetProperty("num_connections").GetInt32());
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.Equal(1, page.GetProperty("limit").GetInt32());
        Assert.Equal(all[1], Connections(page)[0].GetProperty("cid").GetUInt64());
    }

    [ServerTheory]
    public async Task Connz_cid_answers_with_that_connection_alone(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);
        await using var first = await PublishingClientAsync(server, 0);
        await using var second = await PublishingClientAsync(server, 0);
        var cid = Connections(await MonitorClient.GetJsonAsync(server, "/connz"))[1].GetProperty("cid").GetUInt64();

        var connz = await MonitorClient.GetJsonAsync(server, $"/connz?cid={cid}");

        Assert.Equal(cid, Assert.Single(connz.GetProperty("connections").EnumerateArray()).GetProperty("cid").GetUInt64());
    }

    [ServerTheory]
    public async Task Connz_without_clients_has_an_empty_list(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var connz = await MonitorClient.GetJsonAsync(server, "/connz");

        Assert.Equal(0, connz.GetProperty("num_connections").GetInt32());
        Assert.Equal(JsonValueKind.Array, connz.GetProperty("connections").ValueKind);
        Assert.Equal(0, connz.GetProperty("connections").GetArrayLength());
    }

    [ServerTheory]
    public async Task Connz_auth_names_the_user_each_client_logged_in_as(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored with { Username = "board", Password = "s3cret" });
        await using var nats = await TestClients.ConnectAsync(server, new NatsAuthOpts { Username = "board", Password = "s3cret" });

        var connz = await MonitorClient.GetJsonAsync(server, "/connz?auth=1");

        Assert.Equal("board", Connections(connz)[0].GetProperty("authorized_user").GetString());
    }

    [ServerTheory]
    public async Task Connz_answers_an_unknown_sort_option_with_400(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/connz?sort=colour");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("colour", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<NatsConnection> PublishingClientAsync(IRunningServer server, int messages)
    {
        var nats = await TestClients.ConnectAsync(server);
        for (var i = 0; i < messages; i++)
        {
            await nats.PublishAsync("load", "x");
        }

        await nats.PingAsync();
        return nats;
    }

    private static JsonElement[] Connections(JsonElement connz) => [.. connz.GetProperty("connections").EnumerateArray()];

    private static (long Msgs, long Bytes, long OtherMsgs, long OtherBytes) Traffic(JsonElement client, string way, string other) => (
        client.GetProperty($"{way}_msgs").GetInt64(), client.GetProperty($"{way}_bytes").GetInt64(),
        client.GetProperty($"{other}_msgs").GetInt64(), client.GetProperty($"{other}_bytes").GetInt64());

    private static string?[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString())];
}
