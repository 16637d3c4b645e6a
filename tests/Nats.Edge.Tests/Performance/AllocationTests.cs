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

        // Warm-up fills pools, match caches and the JIT's tiers before counting starts.
        load.Run(1_000_000);

        Settle();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sent = load.Run(1_000_000);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var perMessage = (double)allocated / sent;
        output.WriteLine($"{sent} messages, {allocated} bytes allocated, {perMessage:F4} bytes/message");
        Assert.True(perMessage < 1.0, $"{allocated} bytes for {sent} messages = {perMessage:F4} bytes/message");
    }

    [Fact]
    public async Task One_million_messages_from_a_user_with_permissions_allocate_less_than_one_byte_each()
    {
        await using var server = new NatsServer(PermissionLoad.Options);
        await server.StartAsync();
        using var load = RawLoad.Connect(
            new IPEndPoint(IPAddress.Loopback, server.ClientEndPoint.Port), "sensors.temp", 16, PermissionLoad.Credentials);
        load.Run(1_000_000);

        Settle();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var sent = load.Run(1_000_000);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        var perMessage = (double)allocated / sent;
        output.WriteLine($"{sent} messages, {allocated} bytes allocated, {perMessage:F4} bytes/message");
        Assert.True(perMessage < 1.0, $"{allocated} bytes for {sent} messages = {perMessage:F4} bytes/message");
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

    // Starts the count from a fresh gen0 budget, with what earlier tests left behind (finalizers,
    // closing connections) already collected: the figure is then this run's alone.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
