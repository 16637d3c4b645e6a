using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.Routes;

/// <summary>
/// nats-edge and Debian's nats-server 2.9.10 in one cluster: routes both ways, gossip across
/// implementations, and NATS.Net clients on each side exchanging messages.
/// </summary>
public sealed class MixedClusterTests
{
    [ReferenceFact]
    public async Task Edge_servers_joining_a_nats_server_seed_form_a_full_mesh_through_its_gossip()
    {
        await using var reference = await StartReferenceAsync(routes: []);
        var seed = new Uri($"nats-route://127.0.0.1:{await reference.ClusterPortAsync()}");
        await using var first = await EdgeCluster.StartMemberAsync("mixed", [seed], captureLog: true);
        await using var second = await EdgeCluster.StartMemberAsync("mixed", [seed], captureLog: true);

        // Each edge routes to the seed and, learned from the seed's gossip, to the other edge.
        await Poll.UntilAsync(() => first.RouteCount == 2 && second.RouteCount == 2, () => $"{first.Log}\n---\n{second.Log}\n---\n{reference.Log}");
    }

    [ReferenceFact]
    public async Task Clients_on_both_implementations_exchange_messages_wildcards_and_queue_groups()
    {
        await using var edge = await EdgeCluster.StartMemberAsync("mixed", [], captureLog: true);
        await using var reference = await StartReferenceAsync([new Uri($"nats-route://127.0.0.1:{edge.ClusterPort}")]);
        await Poll.UntilAsync(() => edge.RouteCount == 1, () => edge.Log + "\n---\n" + reference.Log);
        await using var onEdge = await TestClients.ConnectAsync(edge);
        await using var onReference = await TestClients.ConnectAsync(reference);

        // nats-server → nats-edge, to a wildcard subscription.
        await using var edgeSensors = await onEdge.SubscribeCoreAsync<string>("sensors.>");
        await onEdge.PingAsync();
        await PublishUntilReceivedAsync(onReference, "sensors.kitchen.temperature", "probe", edgeSensors);

        // nats-edge → nats-server.
        await using var referenceCommands = await onReference.SubscribeCoreAsync<string>("commands.*.light");
        await onReference.PingAsync();
        await PublishUntilReceivedAsync(onEdge, "commands.hall.light", "probe", referenceCommands);

        // A queue group with a member on each side: every job is done once, by one of them.
        var done = new int[2];
        using var stop = new CancellationTokenSource();
        await using var edgeWorker = await onEdge.SubscribeCoreAsync<int>("jobs", queueGroup: "workers");
        await using var referenceWorker = await onReference.SubscribeCoreAsync<int>("jobs", queueGroup: "workers");
        var counting = Task.WhenAll(TestClients.CountAsync(edgeWorker, done, 0, stop.Token), TestClients.CountAsync(referenceWorker, done, 1, stop.Token));
        await onEdge.PingAsync();
        await onReference.PingAsync();
        await EdgeCluster.WaitForRouteInterestAsync(edge, "jobs", expected: 1);
        for (var n = 0; n < 200; n++)
        {
            await onReference.PublishAsync("jobs", n);
            await onEdge.PublishAsync("jobs", n);
        }

        await Poll.UntilAsync(() => done[0] + done[1] >= 400, () => $"{done[0]} + {done[1]}");
        await onEdge.PingAsync();
        await onReference.PingAsync();
        Assert.Equal(400, done[0] + done[1]);
        await stop.CancelAsync();
        await counting;
    }

    [ReferenceFact]
    public async Task A_message_crossing_a_mixed_cluster_is_delivered_once_per_subscriber()
    {
        await using var edge = await EdgeCluster.StartMemberAsync("mixed", [], captureLog: true);
        await using var reference = await StartReferenceAsync([new Uri($"nats-route://127.0.0.1:{edge.ClusterPort}")]);
        await Poll.UntilAsync(() => edge.RouteCount == 1, () => edge.Log);
        await using var onEdge = await TestClients.ConnectAsync(edge);
        await using var onReference = await TestClients.ConnectAsync(reference);
        await using var everythingOnEdge = await onEdge.SubscribeCoreAsync<int>(">");
        await using var everythingOnReference = await onReference.SubscribeCoreAsync<int>(">");
        await onEdge.PingAsync();
        await onReference.PingAsync();
        await EdgeCluster.WaitForRouteInterestAsync(edge, "count.me", expected: 1);
        await PublishUntilReceivedAsync(onEdge, "warm.up", 0, everythingOnReference);

        for (var n = 0; n < 100; n++)
        {
            await onEdge.PublishAsync("count.me", n);
            await onReference.PublishAsync("count.me", 1000 + n);
        }

        await onEdge.PublishAsync("count.end", -1);
        await onReference.PublishAsync("count.end", -2);
        Assert.Equal(200, await CountUntilBothEndsAsync(everythingOnEdge));
        Assert.Equal(200, await CountUntilBothEndsAsync(everythingOnReference));
    }

    private static Task<ReferenceServer> StartReferenceAsync(IReadOnlyList<Uri> routes) =>
        ReferenceServer.StartAsync(EdgeCluster.MemberOptions("mixed", routes));

    // Interest crosses a route a moment after SUB: publish until the first copy arrives.
    private static async Task PublishUntilReceivedAsync<T>(NatsConnection publisher, string subject, T probe, INatsSub<T> subscription)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Startup;
        while (true)
        {
            await publisher.PublishAsync(subject, probe);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                var message = await subscription.Msgs.ReadAsync(wait.Token);
                Assert.Equal(subject, message.Subject);
                return;
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    // Counts count.me deliveries until both count.end markers arrived; warm-up leftovers are skipped.
    private static async Task<int> CountUntilBothEndsAsync(INatsSub<int> subscription)
    {
        var counted = 0;
        var ends = 0;
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        await foreach (var message in subscription.Msgs.ReadAllAsync(timeout.Token))
        {
            if (message.Subject == "count.me")
            {
                counted++;
            }
            else if (message.Subject == "count.end" && ++ends == 2)
            {
                break;
            }
        }

        return counted;
    }
}
