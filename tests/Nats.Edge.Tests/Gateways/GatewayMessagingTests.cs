using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Gateways;

/// <summary>Messages, requests and queue groups across a gateway, nats-edge on one end or both, nats-server on the other.</summary>
public sealed class GatewayMessagingTests
{
    [ReferenceTheory]
    [MemberData(nameof(ServerPairs.Mixed), MemberType = typeof(ServerPairs))]
    public async Task Messages_cross_the_gateway_both_ways(ServerTarget a, ServerTarget b)
    {
        await using var pair = await GatewayPair.StartAsync(a, b);
        await using var onA = await TestClients.ConnectAsync(pair.A);
        await using var onB = await TestClients.ConnectAsync(pair.B);

        await using var atA = await GatewayPair.SubscribeAcrossAsync(from: onB, to: onA, "to-a.>");
        await onB.PublishAsync("to-a.reading", "from B");
        Assert.Equal("from B", (await TestClients.NextOnAsync(atA, "to-a.reading")).Data);

        await using var atB = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onB, "to-b.>");
        await onA.PublishAsync("to-b.reading", "from A");
        Assert.Equal("from A", (await TestClients.NextOnAsync(atB, "to-b.reading")).Data);
    }

    [ReferenceTheory]
    [MemberData(nameof(ServerPairs.Mixed), MemberType = typeof(ServerPairs))]
    public async Task Requests_are_answered_across_the_gateway_both_ways(ServerTarget a, ServerTarget b)
    {
        await using var pair = await GatewayPair.StartAsync(a, b);
        await using var onA = await TestClients.ConnectAsync(pair.A);
        await using var onB = await TestClients.ConnectAsync(pair.B);
        await using var serviceA = await GatewayPair.SubscribeAcrossAsync(from: onB, to: onA, "time.a");
        await using var serviceB = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onB, "time.b");
        using var stop = new CancellationTokenSource();
        var answering = Task.WhenAll(GatewayPair.AnswerAsync(onA, serviceA, "answer from A", stop.Token), GatewayPair.AnswerAsync(onB, serviceB, "answer from B", stop.Token));

        var fromA = await onB.RequestAsync<string, string>("time.a", "now?");
        var fromB = await onA.RequestAsync<string, string>("time.b", "now?");

        Assert.Equal(("answer from A", "answer from B"), (fromA.Data, fromB.Data));
        await stop.CancelAsync();
        await answering;
    }

    [ReferenceTheory]
    [MemberData(nameof(ServerPairs.Mixed), MemberType = typeof(ServerPairs))]
    public async Task A_queue_group_prefers_its_local_member_and_crosses_only_without_one(ServerTarget a, ServerTarget b)
    {
        await using var pair = await GatewayPair.StartAsync(a, b);
        await using var onA = await TestClients.ConnectAsync(pair.A);
        await using var onB = await TestClients.ConnectAsync(pair.B);
        await using var workerA = await onA.SubscribeCoreAsync<string>("jobs", queueGroup: "workers");
        await onA.PingAsync();
        await using var probe = await GatewayPair.SubscribeAcrossAsync(from: onB, to: onA, "jobs-probe");

        // Only A has a member: every job from B crosses, each once.
        for (var i = 0; i < 20; i++)
        {
            await onB.PublishAsync("jobs", $"j{i}");
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"j{i}", (await TestClients.NextAsync(workerA)).Data);
        }

        // Now B has one too: B's jobs stay in B.
        await using var workerB = await onB.SubscribeCoreAsync<string>("jobs", queueGroup: "workers");
        await onB.PingAsync();
        for (var i = 0; i < 20; i++)
        {
            await onB.PublishAsync("jobs", $"k{i}");
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"k{i}", (await TestClients.NextAsync(workerB)).Data);
        }

        await onA.PingAsync();
        Assert.Empty(TestClients.Drain(workerA));
    }

    [ReferenceTheory]
    [MemberData(nameof(ServerPairs.Mixed), MemberType = typeof(ServerPairs))]
    public async Task Gateways_run_inside_tls_with_certificates_verified_both_ways(ServerTarget a, ServerTarget b)
    {
        using var certificates = new TestCertificates();
        var tls = $$"""
            "tls": { "cert_file": "{{certificates.LinkCertificateFile}}", "key_file": "{{certificates.LinkKeyFile}}",
                     "ca_file": "{{certificates.CaFile}}", "verify": true, "timeout": 2 },
            """;
        var (portA, portB) = (TestPorts.Free(), TestPorts.Free());
        await using var serverA = await TestServers.StartWithConfigAsync(a, GatewayPair.Config("A", portA, ("B", portB)).Replace("\"gateway\": {", "\"gateway\": { " + tls, StringComparison.Ordinal));
        await using var serverB = await TestServers.StartWithConfigAsync(b, GatewayPair.Config("B", portB, ("A", portA)).Replace("\"gateway\": {", "\"gateway\": { " + tls, StringComparison.Ordinal));
        await using var onA = await TestClients.ConnectAsync(serverA);
        await using var onB = await TestClients.ConnectAsync(serverB);

        await using var atB = await GatewayPair.SubscribeAcrossAsync(from: onA, to: onB, "secure.>");
        await onA.PublishAsync("secure.reading", "inside tls");
        Assert.Equal("inside tls", (await TestClients.NextOnAsync(atB, "secure.reading")).Data);

        // A gateway without a certificate is not let in.
        await using var plain = await RawClient.ConnectAsync(portB);
        await plain.SendAsync("CONNECT {\"gateway\":\"C\"}\r\n");
        await plain.AssertClosedAsync();
    }
}
