using System.Globalization;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Performance;
using Xunit.Abstractions;

namespace Nats.Edge.Tests.Reliability;

/// <summary>
/// A board's uplink hub, or a route peer, killed (SIGKILL) and restarted on the same ports again and
/// again while 2,000 msgs/s cross each way. Each restart must find the board's interest restored with
/// nothing delivered twice, the board's own traffic never pausing past 250 ms, and its clients never
/// disconnected. nats-server 2.9 runs as the board too, for comparison. <c>FLAP_CYCLES</c> sets the
/// number of restarts (10 by default); the recovery times are printed.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class FlappingLinkTests(ITestOutputHelper output)
{
    private static readonly TimeSpan LongestLocalPause = TimeSpan.FromMilliseconds(250);

    private static int Cycles =>
        int.TryParse(Environment.GetEnvironmentVariable("FLAP_CYCLES"), CultureInfo.InvariantCulture, out var cycles) && cycles > 0 ? cycles : 10;

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task A_leaf_link_returns_after_every_hub_kill(ServerTarget board)
    {
        var leafPort = TestPorts.Free();
        await FlapAsync(
            board,
            $$"""
            "server_name": "hub", "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}} }
            """,
            $$"""
            "server_name": "board", "http_port": -1,
            "leafnodes": { "reconnect": 1, "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}" } ] }
            """,
            "/leafz",
            $"{board} board, nats-server hub");
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task A_route_returns_after_every_peer_kill(ServerTarget board)
    {
        // Only the board dials, so each recovery is the board's redial, not the peer's.
        var peerRoutePort = TestPorts.Free();
        await FlapAsync(
            board,
            $$"""
            "server_name": "peer", "cluster": { "name": "flap", "host": "127.0.0.1", "port": {{peerRoutePort}} }
            """,
            $$"""
            "server_name": "board", "http_port": -1,
            "cluster": { "name": "flap", "host": "127.0.0.1", "port": {{TestPorts.Free()}}, "routes": [ "nats-route://127.0.0.1:{{peerRoutePort}}" ] }
            """,
            "/routez",
            $"{board} board, nats-server route peer");
    }

    // The peer is nats-server, on its own client port, so each restart takes the same ports again.
    private async Task FlapAsync(ServerTarget board, string peerConfig, string boardConfig, string linkPath, string what)
    {
        var peerPort = TestPorts.Free();
        var peer = await TestServers.StartWithConfigAsync(ServerTarget.Reference, peerConfig, port: peerPort);
        try
        {
            await using var edge = await TestServers.StartWithConfigAsync(board, boardConfig);
            var flapper = new LinkFlapper(edge, peer, () => TestServers.StartWithConfigAsync(ServerTarget.Reference, peerConfig, port: peerPort), linkPath);
            try
            {
                AssertHeldUp(await flapper.RunAsync(Cycles), what);
            }
            finally
            {
                peer = flapper.Peer;
            }
        }
        finally
        {
            await peer.DisposeAsync();
        }
    }

    private void AssertHeldUp(LinkFlapper.Figures figures, string what)
    {
        output.WriteLine(figures.Summary(what));
        output.WriteLine("recoveries (ms): " + string.Join(' ', figures.Recoveries.Select(recovery => recovery.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture))));

        Assert.Empty(figures.Faults);
        Assert.Equal(0, figures.Disconnects);

        // A pause of the publisher itself (the test host, not the server) is not the server's.
        Assert.True(
            figures.LongestLocalGap <= LongestLocalPause + figures.LongestPublisherStall,
            $"local traffic paused {figures.LongestLocalGap.TotalMilliseconds:F0} ms (publisher stalled {figures.LongestPublisherStall.TotalMilliseconds:F0} ms)");
    }
}
