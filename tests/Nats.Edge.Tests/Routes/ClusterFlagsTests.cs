using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>Two nats-edge processes clustered by flags alone, as nats-server's --cluster/--routes do it.</summary>
public sealed class ClusterFlagsTests
{
    [Fact]
    public async Task Cluster_and_routes_flags_join_two_processes_that_then_carry_messages()
    {
        var seedRoutePort = TestPorts.Free();
        await using var seed = await EdgeProcess.StartReadyAsync(
            "-a", "127.0.0.1", "-p", "-1", "--cluster", $"nats://127.0.0.1:{seedRoutePort}", "--cluster_name", "flags");
        await using var joiner = await EdgeProcess.StartReadyAsync(
            "-a", "127.0.0.1", "-p", "-1", "--cluster", "nats://127.0.0.1:-1", "--cluster_name", "flags",
            "--routes", $"nats-route://127.0.0.1:{seedRoutePort}");

        await seed.WaitForLogAsync("Route connection created");
        await joiner.WaitForLogAsync("Route connection created");
        Assert.Contains("[INF] Cluster name is flags", seed.Output, StringComparison.Ordinal);

        await using var subscriber = await RawClient.OpenSessionAsync(seed.Port);
        await subscriber.SendAsync("SUB board.> 1\r\nPING\r\n");
        await subscriber.ExpectAsync("PONG\r\n");
        await using var publisher = await RawClient.OpenSessionAsync(joiner.Port);
        var deadline = DateTime.UtcNow + TestTimeouts.Startup;
        string received;
        do
        {
            // The subscription's RS+ crosses a moment after the SUB: publish until it has.
            await publisher.ExchangeAsync("PUB board.ping 2\r\nhi\r\n");
            received = await subscriber.ExchangeAsync(string.Empty);
        }
        while (!received.Contains("MSG board.ping 1 2\r\nhi\r\n", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("MSG board.ping 1 2\r\nhi\r\n", received, StringComparison.Ordinal);
    }
}
