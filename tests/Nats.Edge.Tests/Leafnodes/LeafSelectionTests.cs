using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// Selected subjects: what a remote's deny lists (nats-server's keys) and allow lists (nats-edge's
/// own) keep on their side never crosses, whatever clients do; a subscriber on "&gt;" on the other
/// side is the witness.
/// </summary>
public sealed class LeafSelectionTests
{
    private const string DenyLists = """
        , "deny_exports": ["secrets.>"], "deny_imports": ["admin.>"]
        """;

    private const string AllowLists = """
        , "allow_exports": ["sensors.>"], "allow_imports": ["commands.pi1.>"]
        """;

    [LeafTheory]
    public async Task Denied_exports_never_leave_the_board(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, remote: DenyLists);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var everything = await hub.SubscribeCoreAsync<string>(">");
        await LeafMessagingTests.WaitForInterestAsync(leaf, hub, "warmup.up");

        await leaf.PublishAsync("secrets.wifi", "hunter2");
        await leaf.PublishAsync("status.pi1", "up");

        Assert.Equal("status.pi1", (await NextRealAsync(everything)).Subject);
        await hub.PingAsync();
        Assert.DoesNotContain(Subjects(everything), subject => subject.StartsWith("secrets.", StringComparison.Ordinal));
    }

    [LeafTheory]
    public async Task Denied_imports_never_reach_the_board(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, remote: DenyLists);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var everything = await leaf.SubscribeCoreAsync<string>(">");
        await LeafMessagingTests.WaitForInterestAsync(hub, leaf, "warmup.down");

        await hub.PublishAsync("admin.reboot", "now");
        await hub.PublishAsync("status.hub", "up");

        Assert.Equal("status.hub", (await NextRealAsync(everything)).Subject);
        await leaf.PingAsync();
        Assert.DoesNotContain(Subjects(everything), subject => subject.StartsWith("admin.", StringComparison.Ordinal));
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub, LeafTopology.EdgeLeafToEdgeHub])]
    public async Task Allow_exports_send_up_only_the_listed_subjects(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, remote: AllowLists, waitForLink: false);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var everything = await LeafPair.SubscribeAcrossAsync(leaf, hub, ">", "sensors.warmup");

        await leaf.PublishAsync("logs.pi1", "boot");
        await leaf.PublishAsync("sensors.pi1.temperature", "21.5");

        Assert.Equal("sensors.pi1.temperature", (await NextRealAsync(everything)).Subject);
        await hub.PingAsync();
        Assert.DoesNotContain("logs.pi1", Subjects(everything));
    }

    [LeafTheory(Only = [LeafTopology.EdgeLeafToReferenceHub, LeafTopology.EdgeLeafToEdgeHub])]
    public async Task Allow_imports_narrow_a_wide_subscription_to_the_listed_subjects(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, remote: AllowLists, waitForLink: false);
        await using var hub = await pair.ConnectHubAsync();
        await using var leaf = await pair.ConnectLeafAsync();
        await using var everything = await LeafPair.SubscribeAcrossAsync(hub, leaf, ">", "commands.pi1.warmup");

        await hub.PublishAsync("commands.pi2.led", "on");
        await hub.PublishAsync("firmware.update", "v2");
        await hub.PublishAsync("commands.pi1.led", "on");

        Assert.Equal("commands.pi1.led", (await NextRealAsync(everything)).Subject);
        await leaf.PingAsync();
        Assert.Empty(Subjects(everything));
    }

    private static async Task<NatsMsg<string>> NextRealAsync(INatsSub<string> subscription)
    {
        while (true)
        {
            var message = await TestClients.NextAsync(subscription);
            if (message.Data != "warmup" && !message.Subject.Contains("warmup", StringComparison.Ordinal)
                && !message.Subject.StartsWith("link-check.", StringComparison.Ordinal) && !message.Subject.StartsWith("_INBOX.", StringComparison.Ordinal))
            {
                return message;
            }
        }
    }

    private static List<string> Subjects(INatsSub<string> subscription)
    {
        var subjects = new List<string>();
        while (subscription.Msgs.TryRead(out var message))
        {
            subjects.Add(message.Subject);
        }

        return subjects;
    }
}
