using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// A hub whose leaf user has permissions: what the leaf may publish and receive is enforced on the
/// hub and told to the leaf in the second INFO, which keeps its announcements inside them (a Go hub
/// closes a leaf that asks for a subject it may not receive).
/// </summary>
public sealed class LeafUserPermissionTests
{
    private const string HubUsers = """
        "authorization": { "users": [
          { "user": "board", "password": "s3cret", "permissions": { "publish": "sensors.>", "subscribe": ["commands.>"] } },
          { "user": "ops", "password": "o" } ] }
        """;

    [LeafTheory]
    public async Task Leaf_user_publishes_and_receives_only_within_its_permissions(LeafTopology topology)
    {
        await using var pair = await LeafPair.StartAsync(topology, hubBody: HubUsers, userInfo: "board:s3cret@", waitForLink: false);
        await using var hub = await pair.ConnectHubAsync(new NatsAuthOpts { Username = "ops", Password = "o" });
        await using var leaf = await pair.ConnectLeafAsync();
        await using var onHub = await LeafPair.SubscribeAcrossAsync(leaf, hub, ">", "sensors.warmup");
        await using var onLeaf = await LeafPair.SubscribeAcrossAsync(hub, leaf, ">", "commands.warmup");
        await using var forbidden = await leaf.SubscribeCoreAsync<string>("admin.reboot");

        await leaf.PublishAsync("logs.boot", "x");
        await leaf.PublishAsync("sensors.temp", "21");
        Assert.Equal("sensors.temp", await NextSubjectAsync(onHub));

        // The leaf's ">" saw its own two publishes; a PING proves they are all in before draining.
        await leaf.PingAsync();
        TestClients.Drain(onLeaf);
        await hub.PublishAsync("admin.reboot", "now");
        await hub.PublishAsync("commands.led", "on");
        Assert.Equal("commands.led", await NextSubjectAsync(onLeaf));

        // The literal SUB on a subject the leaf may not receive did not cost the link.
        Assert.True(await LeafPair.ReachesAsync(leaf, onHub, "sensors.after", TimeSpan.FromSeconds(15)), "the link did not survive");
    }

    private static async Task<string> NextSubjectAsync(INatsSub<string> subscription)
    {
        while (true)
        {
            var message = await TestClients.NextAsync(subscription);
            if (message.Data != "warmup" && !message.Subject.StartsWith("_INBOX.", StringComparison.Ordinal))
            {
                return message.Subject;
            }
        }
    }
}
