using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// A board joined to a hub, with NATS.Net clients on both sides: messages, requests, queue groups and
/// headers cross the link both ways, in every pairing of nats-edge and nats-server.
/// </summary>
public sealed class LeafMessagingTests
{
    [LeafTheory]
    public async Task Message_published_on_the_leaf_reaches_a_hub_subscriber(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var readings = await hub.SubscribeCoreAsync<string>("sensors.>");
        await pair.CrossAsync(from: leaf, to: hub);
        await WaitForInterestAsync(leaf, hub, "sensors.warmup");

        await leaf.PublishAsync("sensors.pi1.temperature", "21.5");

        var message = await NextAsync(readings, skip: "sensors.warmup");
        Assert.Equal(("sensors.pi1.temperature", "21.5"), (message.Subject, message.Data));
    }

    [LeafTheory]
    public async Task Message_published_on_the_hub_reaches_a_leaf_subscriber(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var commands = await leaf.SubscribeCoreAsync<string>("commands.pi1.>");
        await WaitForInterestAsync(hub, leaf, "commands.pi1.warmup");

        await hub.PublishAsync("commands.pi1.led", "on");

        var message = await NextAsync(commands, skip: "commands.pi1.warmup");
        Assert.Equal(("commands.pi1.led", "on"), (message.Subject, message.Data));
    }

    [LeafTheory]
    public async Task Request_from_the_leaf_is_answered_by_a_service_on_the_hub(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var service = await hub.SubscribeCoreAsync<string>("time.now");
        var answering = AnswerAsync(service, "12:00");
        await WaitForInterestAsync(leaf, hub, "time.now", expectReply: true);

        var reply = await leaf.RequestAsync<string, string>("time.now", "?");

        Assert.Equal("12:00", reply.Data);
        await answering;
    }

    [LeafTheory]
    public async Task Request_from_the_hub_is_answered_by_a_service_on_the_leaf(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var service = await leaf.SubscribeCoreAsync<string>("board.pi1.status");
        var answering = AnswerAsync(service, "ok");
        await WaitForInterestAsync(hub, leaf, "board.pi1.status", expectReply: true);

        var reply = await hub.RequestAsync<string, string>("board.pi1.status", "?");

        Assert.Equal("ok", reply.Data);
        await answering;
    }

    [LeafTheory]
    public async Task Queue_group_spanning_both_sides_serves_each_message_once_local_members_first(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var hubWorker = await hub.SubscribeCoreAsync<string>("jobs.resize", queueGroup: "workers");
        await using var leafWorker = await leaf.SubscribeCoreAsync<string>("jobs.resize", queueGroup: "workers");
        await hub.PingAsync();
        await leaf.PingAsync();

        for (var i = 0; i < 20; i++)
        {
            await leaf.PublishAsync("jobs.resize", $"leaf-{i}");
            await hub.PublishAsync("jobs.resize", $"hub-{i}");
        }

        await leaf.PingAsync();
        await hub.PingAsync();
        var onLeaf = await DrainAsync(leafWorker, 20);
        var onHub = await DrainAsync(hubWorker, 20);
        Assert.All(onLeaf, job => Assert.StartsWith("leaf-", job, StringComparison.Ordinal));
        Assert.All(onHub, job => Assert.StartsWith("hub-", job, StringComparison.Ordinal));
    }

    [LeafTheory]
    public async Task Queue_group_with_members_only_on_the_hub_serves_the_leafs_messages(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var first = await hub.SubscribeCoreAsync<string>("jobs.encode", queueGroup: "workers");
        await using var second = await hub.SubscribeCoreAsync<string>("jobs.encode", queueGroup: "workers");
        await WaitForInterestAsync(leaf, hub, "jobs.encode", queue: true);

        for (var i = 0; i < 10; i++)
        {
            await leaf.PublishAsync("jobs.encode", $"job-{i}");
        }

        await leaf.PingAsync();
        var served = new List<string>();
        var deadline = DateTime.UtcNow + TestTimeouts.Reply;
        // Late warm-ups may still arrive; they do not count towards the ten jobs.
        while (served.Count(job => job != "warmup") < 10 && DateTime.UtcNow < deadline)
        {
            served.AddRange(TestClients.Drain(first)!);
            served.AddRange(TestClients.Drain(second)!);
            await Task.Delay(20);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"job-{i}").Order(), served.Where(s => s != "warmup").Order());
    }

    [LeafTheory]
    public async Task Headers_cross_the_link_both_ways(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var up = await hub.SubscribeCoreAsync<string>("readings.up");
        await using var down = await leaf.SubscribeCoreAsync<string>("readings.down");
        await WaitForInterestAsync(leaf, hub, "readings.up");
        await WaitForInterestAsync(hub, leaf, "readings.down");

        await leaf.PublishAsync("readings.up", "21", headers: new NatsHeaders { ["Unit"] = "C" });
        await hub.PublishAsync("readings.down", "on", headers: new NatsHeaders { ["Source"] = "hub" });

        var upward = await NextAsync(up, skip: null);
        var downward = await NextAsync(down, skip: null);
        Assert.Equal("C", upward.Headers!["Unit"].ToString());
        Assert.Equal("hub", downward.Headers!["Source"].ToString());
    }

    // Interest crosses the link a moment after SUB: publish a marker until the far side sees one.
    internal static async Task WaitForInterestAsync(
        NatsConnection publisher, NatsConnection subscriber, string subject, bool expectReply = false, bool queue = false)
    {
        _ = subscriber;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (expectReply)
            {
                try
                {
                    await publisher.RequestAsync<string, string>(subject, "warmup", replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromMilliseconds(200) });
                    return;
                }
                catch (NatsException) when (DateTime.UtcNow < deadline)
                {
                    continue;
                }
            }

            // Without a reply to wait for, a warm-up publish lands in the subscriber's own queue and
            // tests skip it; seeing no "no responders" status is the sign the interest arrived.
            try
            {
                await publisher.RequestAsync<string, string>(subject, "warmup", replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromMilliseconds(100) });
            }
            catch (NatsNoRespondersException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                continue;
            }
            catch (NatsNoReplyException)
            {
                // Somebody received the warm-up: the interest is there.
            }

            _ = queue;
            return;
        }
    }

    private static async Task AnswerAsync(INatsSub<string> service, string answer)
    {
        // Answers everything until the test's real request; warm-ups are answered too.
        for (var i = 0; i < 200; i++)
        {
            var request = await TestClients.NextAsync(service);
            await request.ReplyAsync(answer);
            if (request.Data != "warmup")
            {
                return;
            }
        }
    }

    private static async Task<NatsMsg<string>> NextAsync(INatsSub<string> subscription, string? skip)
    {
        while (true)
        {
            var message = await TestClients.NextAsync(subscription);
            if (message.Data != "warmup" && message.Subject != skip)
            {
                return message;
            }
        }
    }

    private static async Task<List<string>> DrainAsync(INatsSub<string> subscription, int expected)
    {
        var jobs = new List<string>();
        var deadline = DateTime.UtcNow + TestTimeouts.Reply;
        while (jobs.Count < expected && DateTime.UtcNow < deadline)
        {
            jobs.AddRange(TestClients.Drain(subscription)!);
            await Task.Delay(20);
        }

        return jobs;
    }
}
