using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>Clusters of nats-edge servers: a full mesh grows from one seed and carries messages once.</summary>
public sealed class EdgeClusterTests
{
    [Fact]
    public async Task Three_servers_from_one_seed_form_a_full_mesh()
    {
        await using var cluster = await EdgeCluster.StartAsync(3);

        await cluster.WaitForMeshAsync();
    }

    [Fact]
    public async Task A_message_published_on_one_server_reaches_subscribers_on_every_other_exactly_once()
    {
        await using var cluster = await EdgeCluster.StartAsync(3);
        await cluster.WaitForMeshAsync();
        await using var a = await TestClients.ConnectAsync(cluster[0]);
        await using var b = await TestClients.ConnectAsync(cluster[1]);
        await using var c = await TestClients.ConnectAsync(cluster[2]);
        await using var onA = await a.SubscribeCoreAsync<string>(">");
        await using var onC = await c.SubscribeCoreAsync<string>("sensors.*.temperature");
        await a.PingAsync();
        await c.PingAsync();
        await EdgeCluster.WaitForRouteInterestAsync(cluster[1], "sensors.kitchen.temperature", expected: 2);

        await b.PublishAsync("sensors.kitchen.temperature", "21.5");
        await b.PublishAsync("done", "end");

        Assert.Equal("21.5", (await TestClients.NextAsync(onC)).Data);
        Assert.Equal("sensors.kitchen.temperature", (await TestClients.NextAsync(onA)).Subject);
        Assert.Equal("done", (await TestClients.NextAsync(onA)).Subject);
    }

    [Fact]
    public async Task A_queue_group_spread_over_the_cluster_gets_each_message_once()
    {
        await using var cluster = await EdgeCluster.StartAsync(3);
        await cluster.WaitForMeshAsync();
        var counts = new int[3];
        using var stop = new CancellationTokenSource();
        await using var a = await TestClients.ConnectAsync(cluster[0]);
        await using var b = await TestClients.ConnectAsync(cluster[1]);
        await using var c = await TestClients.ConnectAsync(cluster[2]);
        await using var onA = await a.SubscribeCoreAsync<int>("jobs", queueGroup: "workers");
        await using var onB = await b.SubscribeCoreAsync<int>("jobs", queueGroup: "workers");
        await using var onC = await c.SubscribeCoreAsync<int>("jobs", queueGroup: "workers");
        var counting = Task.WhenAll(
            TestClients.CountAsync(onA, counts, 0, stop.Token), TestClients.CountAsync(onB, counts, 1, stop.Token), TestClients.CountAsync(onC, counts, 2, stop.Token));
        await a.PingAsync();
        await b.PingAsync();
        await c.PingAsync();

        await EdgeCluster.WaitForRouteInterestAsync(cluster[1], "jobs", expected: 2);
        for (var n = 0; n < 300; n++)
        {
            await b.PublishAsync("jobs", n);
        }

        await Poll.UntilAsync(() => counts.Sum() >= 300, () => string.Join(",", counts));
        await Task.Delay(200);
        Assert.Equal(300, counts.Sum());
        Assert.True(counts[1] > 0, "the local member got nothing");
        await stop.CancelAsync();
        await counting;
    }

    [Fact]
    public async Task A_restarted_seed_is_dialled_again_and_its_new_interest_reaches_the_others()
    {
        var clusterPort = TestPorts.Free();
        var seedOptions = EdgeCluster.MemberOptions("heal", routes: [], clusterPort);
        var seed = await EdgeServer.StartAsync(seedOptions, captureLog: true);
        var seedUrl = new Uri($"nats-route://127.0.0.1:{clusterPort}");
        await using var b = await EdgeCluster.StartMemberAsync("heal", [seedUrl], captureLog: true);
        await using var c = await EdgeCluster.StartMemberAsync("heal", [seedUrl], captureLog: true);
        await Poll.UntilAsync(() => b.RouteCount == 2 && c.RouteCount == 2, () => b.Log + "\n---\n" + c.Log);

        await seed.DisposeAsync();
        await Poll.UntilAsync(() => b.RouteCount == 1 && c.RouteCount == 1, () => b.Log);
        await using var restarted = await EdgeServer.StartAsync(seedOptions, captureLog: true);

        await Poll.UntilAsync(() => restarted.RouteCount == 2 && b.RouteCount == 2 && c.RouteCount == 2, () => restarted.Log + "\n---\n" + b.Log);
        await using var onSeed = await TestClients.ConnectAsync(restarted);
        await using var subscription = await onSeed.SubscribeCoreAsync<string>("back.again");
        await onSeed.PingAsync();
        await EdgeCluster.WaitForRouteInterestAsync(c, "back.again", expected: 1);
        await using var onC = await TestClients.ConnectAsync(c);
        await onC.PublishAsync("back.again", "hello");
        Assert.Equal("hello", (await TestClients.NextAsync(subscription)).Data);
    }
}
