using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Gateways;

/// <summary>
/// Super-clusters beyond one pair: gateways learned by gossip inside a cluster, three clusters,
/// accounts kept apart across gateways, and a gateway that dies and comes back under traffic.
/// </summary>
public sealed class SuperClusterTests
{
    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task A_cluster_member_without_configured_gateways_learns_them_from_its_routes(ServerTarget other)
    {
        var gatewayA1 = TestPorts.Free();
        var gatewayA2 = TestPorts.Free();
        var gatewayB = TestPorts.Free();
        var routeA1 = TestPorts.Free();
        await using var b = await TestServers.StartWithConfigAsync(other, GatewayPair.Config("B", gatewayB));
        await using var a1 = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "cluster": { "name": "A", "host": "127.0.0.1", "port": {{routeA1}} },
            {{GatewayPair.Config("A", gatewayA1, ("B", gatewayB))}}
            """);
        await using var a2 = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "cluster": { "name": "A", "host": "127.0.0.1", "port": -1, "routes": [ "nats-route://127.0.0.1:{{routeA1}}" ] },
            {{GatewayPair.Config("A", gatewayA2)}}
            """);
        await using var onA2 = await TestClients.ConnectAsync(a2);
        await using var onB = await TestClients.ConnectAsync(b);

        // Messages leave a cluster only on the publishing server's own outbound: A2 must have made one.
        await using var atB = await GatewayPair.SubscribeAcrossAsync(from: onA2, to: onB, "from-a2.>");
        await using var atA2 = await GatewayPair.SubscribeAcrossAsync(from: onB, to: onA2, "from-b.>");
        await onA2.PublishAsync("from-a2.x", "1");
        await onB.PublishAsync("from-b.x", "2");

        Assert.Equal("1", (await TestClients.NextOnAsync(atB, "from-a2.x")).Data);
        Assert.Equal("2", (await TestClients.NextOnAsync(atA2, "from-b.x")).Data);
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task A_server_dialled_by_a_cluster_it_failed_to_reach_dials_back_at_once(ServerTarget other)
    {
        var (portA, portB) = (TestPorts.Free(), TestPorts.Free());

        // B starts first: its dial to A fails and its redial waits a second and more.
        await using var b = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, GatewayPair.Config("B", portB, ("A", portA)), captureLog: true);
        await b.WaitForLogAsync("Error connecting to explicit gateway \"A\"");
        await using var a = await TestServers.StartWithConfigAsync(other, GatewayPair.Config("A", portA, ("B", portB)));

        // A's dial in makes B dial back now, so answers to A's requests have their way home at once.
        await b.WaitForLogAsync("Inbound gateway connection from \"A\"");
        var inbound = DateTime.UtcNow;
        await Poll.UntilAsync(() => b.Server.Gateways!.HasOutbound("A"), () => b.Log);
        Assert.True(DateTime.UtcNow - inbound < TimeSpan.FromMilliseconds(700), $"B dialled back {(DateTime.UtcNow - inbound).TotalMilliseconds:F0} ms after A's inbound");
    }

    [ReferenceFact]
    public async Task Three_clusters_exchange_messages_queue_jobs_and_a_reply_finds_its_way_from_the_third()
    {
        var (portA, portB, portC) = (TestPorts.Free(), TestPorts.Free(), TestPorts.Free());
        await using var a = await TestServers.StartWithConfigAsync(ServerTarget.Reference, GatewayPair.Config("A", portA, ("B", portB), ("C", portC)));
        await using var b = await TestServers.StartWithConfigAsync(ServerTarget.Edge, GatewayPair.Config("B", portB, ("A", portA)));
        await using var c = await TestServers.StartWithConfigAsync(ServerTarget.Edge, GatewayPair.Config("C", portC, ("A", portA)));
        await using var onA = await TestClients.ConnectAsync(a);
        await using var onB = await TestClients.ConnectAsync(b);
        await using var onC = await TestClients.ConnectAsync(c);

        // B and C were told only of A: they meet through A's gossip. Every direction carries messages.
        var servers = new[] { ("a", onA), ("b", onB), ("c", onC) };
        foreach (var (fromName, from) in servers)
        {
            foreach (var (toName, to) in servers)
            {
                if (from != to)
                {
                    await using var across = await GatewayPair.SubscribeAcrossAsync(from, to, $"{fromName}-to-{toName}.>");
                    await from.PublishAsync($"{fromName}-to-{toName}.x", "hello");
                    Assert.Equal("hello", (await TestClients.NextOnAsync(across, $"{fromName}-to-{toName}.x")).Data);
                }
            }
        }

        // A queue group with members only in B and C: each job from A reaches exactly one of them.
        await using var workerB = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onB, "jobs.b-probe");
        await using var groupB = await onB.SubscribeCoreAsync<string>("jobs.run", queueGroup: "workers");
        await using var groupC = await onC.SubscribeCoreAsync<string>("jobs.run", queueGroup: "workers");
        await onB.PingAsync();
        await onC.PingAsync();
        await Poll.UntilAsync(async () =>
        {
            await onA.PublishAsync("jobs.run", "probe");
            await onA.PingAsync();
            await Task.Delay(50);
            return TestClients.Drain(groupB).Count + TestClients.Drain(groupC).Count > 0;
        });
        for (var i = 0; i < 40; i++)
        {
            await onA.PublishAsync("jobs.run", $"job{i}");
        }

        var jobs = new List<string?>();
        await Poll.UntilAsync(() =>
        {
            jobs.AddRange(TestClients.Drain(groupB));
            jobs.AddRange(TestClients.Drain(groupC));
            return jobs.Count(job => job is not null && job.StartsWith("job", StringComparison.Ordinal)) >= 40;
        });
        await Task.Delay(200);
        jobs.AddRange(TestClients.Drain(groupB));
        jobs.AddRange(TestClients.Drain(groupC));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"job{i}").Order(), jobs.Where(job => job is not null && job.StartsWith("job", StringComparison.Ordinal)).Order());

        await using var service = await GatewayPair.SubscribeAcrossAsync(from: onB, to: onC, "sensor.read");
        Assert.True(await LeafPair.ReachesAsync(onA, service, "sensor.read", TimeSpan.FromSeconds(15)), "A's requests never reached C");
        using var stop = new CancellationTokenSource();
        var answering = GatewayPair.AnswerAsync(onC, service, "21.5", stop.Token);
        var answerAtB = await onB.RequestAsync<string, string>("sensor.read", "?");
        var answerAtA = await onA.RequestAsync<string, string>("sensor.read", "?");

        Assert.Equal(("21.5", "21.5"), (answerAtB.Data, answerAtA.Data));
        await stop.CancelAsync();
        await answering;
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge, ServerTarget.Reference)]
    [InlineData(ServerTarget.Reference, ServerTarget.Edge)]
    [InlineData(ServerTarget.Edge, ServerTarget.Edge)]
    public async Task Accounts_stay_apart_across_the_gateway(ServerTarget a, ServerTarget b)
    {
        const string Accounts = """
            "accounts": {
              "PLANT": { "users": [ { "user": "plant", "password": "p" } ] },
              "OFFICE": { "users": [ { "user": "office", "password": "o" } ] }
            },
            """;
        await using var pair = await GatewayPair.StartAsync(a, b, Accounts);
        await using var plantA = await TestClients.ConnectAsync(pair.A, new NatsAuthOpts { Username = "plant", Password = "p" });
        await using var plantB = await TestClients.ConnectAsync(pair.B, new NatsAuthOpts { Username = "plant", Password = "p" });
        await using var officeB = await TestClients.ConnectAsync(pair.B, new NatsAuthOpts { Username = "office", Password = "o" });
        await using var elsewhere = await officeB.SubscribeCoreAsync<string>(">");
        await officeB.PingAsync();

        await using var atB = await GatewayPair.SubscribeAcrossAsync(from: plantA, to: plantB, "line.>");
        await plantA.PublishAsync("line.speed", "12");

        Assert.Equal("12", (await TestClients.NextOnAsync(atB, "line.speed")).Data);
        await officeB.PingAsync();
        Assert.Empty(TestClients.Drain(elsewhere));
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge, ServerTarget.Reference)]
    [InlineData(ServerTarget.Reference, ServerTarget.Edge)]
    [InlineData(ServerTarget.Edge, ServerTarget.Edge)]
    public async Task Stream_and_service_imports_work_across_the_gateway(ServerTarget a, ServerTarget b)
    {
        const string Accounts = """
            "accounts": {
              "PLANT": { "users": [ { "user": "plant", "password": "p" } ],
                         "exports": [ { "stream": "telemetry.>" }, { "service": "plant.status" } ] },
              "OFFICE": { "users": [ { "user": "office", "password": "o" } ],
                          "imports": [ { "stream": { "account": "PLANT", "subject": "telemetry.>" } },
                                       { "service": { "account": "PLANT", "subject": "plant.status" } } ] }
            },
            """;
        await using var pair = await GatewayPair.StartAsync(a, b, Accounts);
        await using var plantA = await TestClients.ConnectAsync(pair.A, new NatsAuthOpts { Username = "plant", Password = "p" });
        await using var officeB = await TestClients.ConnectAsync(pair.B, new NatsAuthOpts { Username = "office", Password = "o" });
        await using var plantB = await TestClients.ConnectAsync(pair.B, new NatsAuthOpts { Username = "plant", Password = "p" });

        // A stream PLANT exports, published in cluster A, reaches OFFICE's subscriber in cluster B.
        await using var feed = await GatewayPair.SubscribeAcrossAsync(from: plantA, to: officeB, "telemetry.>");
        await plantA.PublishAsync("telemetry.oven", "230");
        Assert.Equal("230", (await TestClients.NextOnAsync(feed, "telemetry.oven")).Data);

        // A service PLANT exports, answered in cluster A, is requested by OFFICE in cluster B.
        await using var service = await GatewayPair.SubscribeAcrossAsync(from: plantB, to: plantA, "plant.status");
        using var stop = new CancellationTokenSource();
        var answering = GatewayPair.AnswerAsync(plantA, service, "21.5", stop.Token);
        var answer = await officeB.RequestAsync<string, string>("plant.status", "?");

        Assert.Equal("21.5", answer.Data);
        await stop.CancelAsync();
        await answering;
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge, ServerTarget.Reference)]
    [InlineData(ServerTarget.Reference, ServerTarget.Edge)]
    [InlineData(ServerTarget.Edge, ServerTarget.Edge)]
    public async Task A_gateway_killed_and_restarted_under_traffic_recovers_without_duplicates(ServerTarget stays, ServerTarget restarted)
    {
        var (portA, portB) = (TestPorts.Free(), TestPorts.Free());
        var clientB = TestPorts.Free();
        await using var a = await TestServers.StartWithConfigAsync(stays, GatewayPair.Config("A", portA, ("B", portB)));
        var b = await TestServers.StartWithConfigAsync(restarted, GatewayPair.Config("B", portB, ("A", portA)), port: clientB);
        try
        {
            await using var onA = await TestClients.ConnectAsync(a);
            await using (var onB = await TestClients.ConnectAsync(b))
            {
                await using var before = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onB, "before.>");
            }

            await b.DisposeAsync();
            // Traffic goes on at A while B is away: nothing is owed to B for it.
            for (var i = 0; i < 200; i++)
            {
                await onA.PublishAsync("flow.x", "lost");
            }

            b = await TestServers.StartWithConfigAsync(restarted, GatewayPair.Config("B", portB, ("A", portA)), port: clientB);
            await using var onNewB = await TestClients.ConnectAsync(b);
            await using var flow = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onNewB, "flow.>");
            TestClients.Drain(flow);
            for (var i = 0; i < 500; i++)
            {
                await onA.PublishAsync("flow.x", $"m{i}");
            }

            var seen = new List<string?>();
            for (var i = 0; i < 500; i++)
            {
                seen.Add((await TestClients.NextOnAsync(flow, "flow.x")).Data);
            }

            await onNewB.PingAsync();
            await Task.Delay(100);
            Assert.Equal(Enumerable.Range(0, 500).Select(i => $"m{i}"), seen);
            Assert.DoesNotContain(TestClients.Drain(flow), message => message is not null && message.StartsWith('m'));
        }
        finally
        {
            await b.DisposeAsync();
        }
    }
}
