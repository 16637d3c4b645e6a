using System.Net;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Xunit.Abstractions;

namespace Nats.Edge.Tests.Performance;

/// <summary>The message path allocates nothing per message: proven by counting the whole process's allocations.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class AllocationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task One_million_messages_pub_to_sub_allocate_less_than_one_byte_each()
    {
        await using var server = new NatsServer(new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await server.StartAsync();
        using var load = RawLoad.Connect(new IPEndPoint(IPAddress.Loopback, server.ClientEndPoint.Port), "sensors.temp", 16);

        AssertUnderOneBytePerMessage(load, "pub → sub");
    }

    [Fact]
    public async Task One_million_messages_from_a_user_with_permissions_allocate_less_than_one_byte_each()
    {
        await using var server = new NatsServer(PermissionLoad.Options);
        await server.StartAsync();
        using var load = RawLoad.Connect(
            new IPEndPoint(IPAddress.Loopback, server.ClientEndPoint.Port), "sensors.temp", 16, PermissionLoad.Credentials);

        AssertUnderOneBytePerMessage(load, "from a user with permissions");
    }

    [Fact]
    public async Task One_million_messages_from_a_leaf_to_its_hub_allocate_less_than_one_byte_each()
    {
        // Both ends nats-edge, so the link is S2-framed (s2_auto on loopback stores).
        var leafPort = Infrastructure.TestPorts.Free();
        await LeafToHubAsync(new LeafnodeOptions { Host = "127.0.0.1", Port = leafPort }, websocket: null, new Uri($"nats-leaf://127.0.0.1:{leafPort}"), "leaf → hub");
    }

    [Fact]
    public async Task One_million_messages_from_a_leaf_to_its_hub_compressed_allocate_less_than_one_byte_each()
    {
        var leafPort = Infrastructure.TestPorts.Free();
        var fast = new CompressionOptions { Mode = CompressionModes.S2Fast };
        await LeafToHubAsync(
            new LeafnodeOptions { Host = "127.0.0.1", Port = leafPort, Compression = fast },
            websocket: null,
            new Uri($"nats-leaf://127.0.0.1:{leafPort}"),
            "leaf → hub, s2_fast",
            fast);
    }

    [Fact]
    public async Task One_million_messages_from_a_leaf_to_its_hub_over_websocket_allocate_less_than_one_byte_each()
    {
        // The board masks each frame and the hub unmasks it: both ends of the framing are on the path.
        var webSocketPort = Infrastructure.TestPorts.Free();
        await LeafToHubAsync(
            new LeafnodeOptions { Host = "127.0.0.1", Port = Infrastructure.TestPorts.Free() },
            new WebsocketOptions { Host = "127.0.0.1", Port = webSocketPort },
            new Uri($"ws://127.0.0.1:{webSocketPort}"),
            "leaf → hub over websocket");
    }

    [Fact]
    public async Task One_million_messages_captured_by_an_outbox_allocate_less_than_one_byte_each()
    {
        // The hub is a port nobody listens on: the outbox keeps every message, as during an outage.
        using var folder = new Infrastructure.TempConfigFolder();
        var outbox = new OutboxOptions
        {
            Subjects = ["sensors.>"],
            Log = new Nats.Edge.Server.Outbox.OutboxLogOptions { Directory = Path.Combine(folder.FullName, "outbox"), MaxBytes = 64L << 20 },
        };
        await using var server = new NatsServer(new ServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Leafnodes = new LeafnodeOptions
            {
                Remotes = [new RemoteLeafOptions { Urls = [new Uri($"nats-leaf://127.0.0.1:{Infrastructure.TestPorts.Free()}")], Outbox = outbox }],
            },
        });
        await server.StartAsync();
        using var load = RawLoad.Connect(new IPEndPoint(IPAddress.Loopback, server.ClientEndPoint.Port), "sensors.temp", 16);

        AssertUnderOneBytePerMessage(load, "captured by an outbox");
    }

    [Fact]
    public async Task Ten_million_messages_pub_to_sub_run_without_a_garbage_collection()
    {
        await using var server = new NatsServer(new ServerOptions { Host = "127.0.0.1", Port = 0 });
        await server.StartAsync();
        using var load = RawLoad.Connect(new IPEndPoint(IPAddress.Loopback, server.ClientEndPoint.Port), "sensors.temp", 16);
        load.Run(1_000_000);

        Settle();
        var collections = GC.CollectionCount(0);
        var sent = load.Run(10_000_000);
        var during = GC.CollectionCount(0) - collections;

        output.WriteLine($"{sent} messages, {during} gen0 collections");
        Assert.Equal(0, during);
    }

    // A million messages after a million of warm-up, which fills pools, match caches and the JIT's
    // tiers before counting starts; whatever the process allocates meanwhile is counted. The count is
    // process-wide, so something a test before this one left winding down (a client's reconnect
    // loop, a server closing) can land in one run: up to three runs, the best must pass. An
    // allocation per message shows in every run.
    private void AssertUnderOneBytePerMessage(RawLoad load, string path)
    {
        load.Run(1_000_000);

        var best = double.MaxValue;
        var report = string.Empty;
        for (var attempt = 0; attempt < 3 && best >= 1.0; attempt++)
        {
            Settle();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sent = load.Run(1_000_000);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            var perMessage = (double)allocated / sent;
            report += $"{sent} messages {path}, {allocated} bytes allocated, {perMessage:F4} bytes/message\n";
            best = Math.Min(best, perMessage);
        }

        output.WriteLine(report);
        Assert.True(best < 1.0, report);
    }

    // The subscriber's interest must have crossed to the leaf before the load starts, or early
    // messages go nowhere and the run waits for them forever.
    // A board dialling a hub at remoteUrl; a raw publisher on the board, its subscriber on the hub.
    private async Task LeafToHubAsync(
        LeafnodeOptions hubLeafnodes, WebsocketOptions? websocket, Uri remoteUrl, string what, CompressionOptions? compression = null)
    {
        await using var hub = new NatsServer(new ServerOptions { Host = "127.0.0.1", Port = 0, Leafnodes = hubLeafnodes, Websocket = websocket });
        await hub.StartAsync();
        var remote = new RemoteLeafOptions { Urls = [remoteUrl] };
        await using var leaf = new NatsServer(new ServerOptions
        {
            Host = "127.0.0.1",
            Port = 0,
            Leafnodes = new LeafnodeOptions { Remotes = [compression is null ? remote : remote with { Compression = compression }] },
        });
        await leaf.StartAsync();
        await WaitForLinkAsync(leaf, hub);
        using var load = RawLoad.Connect(
            new IPEndPoint(IPAddress.Loopback, leaf.ClientEndPoint.Port), "sensors.temp", 16,
            subscriberServer: new IPEndPoint(IPAddress.Loopback, hub.ClientEndPoint.Port));
        await WaitForLinkAsync(leaf, hub);
        AssertUnderOneBytePerMessage(load, what);
    }

    private static async Task WaitForLinkAsync(NatsServer leaf, NatsServer hub)
    {
        await using var onHub = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = $"nats://127.0.0.1:{hub.ClientEndPoint.Port}" });
        await using var onLeaf = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = $"nats://127.0.0.1:{leaf.ClientEndPoint.Port}" });
        await Infrastructure.LeafPair.WaitForCrossingAsync(from: onLeaf, to: onHub);
    }

    // Starts the count from a fresh gen0 budget, with what earlier tests left behind (finalizers,
    // closing connections) already collected: the figure is then this run's alone.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
