using System.Net;
using System.Net.Sockets;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>What the route port and clients see on the wire as a cluster changes.</summary>
public sealed class RouteWireTests
{
    [Fact]
    public async Task Clients_taking_info_updates_learn_a_joining_servers_url()
    {
        await using var seed = await EdgeCluster.StartMemberAsync("urls", routes: []);
        await using var client = await RawClient.OpenSessionAsync(seed.Port, """{"verbose":false,"protocol":1}""");

        await using var joiner = await EdgeCluster.StartMemberAsync("urls", [new Uri($"nats-route://127.0.0.1:{seed.ClusterPort}")]);

        var info = await client.ReadUntilAsync("\r\n", TestTimeouts.Startup);
        Assert.StartsWith("INFO {", info, StringComparison.Ordinal);
        Assert.Contains($"\"connect_urls\":[\"127.0.0.1:{seed.Port}\",\"127.0.0.1:{joiner.Port}\"]", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_peer_offering_compression_gets_a_plain_route_and_interest()
    {
        await using var server = await EdgeCluster.StartMemberAsync("wire", routes: []);
        await using var client = await TestClients.ConnectAsync(server);
        await using var subscription = await client.SubscribeCoreAsync<string>("wire.test");
        await client.PingAsync();
        await using var peer = await RawClient.ConnectAsync(server.ClusterPort);

        // A 2.10-style solicitor: CONNECT, then an INFO that offers s2 compression and pooling.
        await peer.SendAsync(
            "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,\"tls_required\":false,\"headers\":true,\"name\":\"NPEER\",\"cluster\":\"wire\"}\r\n"
            + "INFO {\"server_id\":\"NPEER\",\"server_name\":\"peer\",\"version\":\"2.10.0\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":1,"
            + "\"headers\":true,\"cluster\":\"wire\",\"compression\":\"s2_auto\",\"route_pool_size\":3}\r\n");

        var received = await peer.ReadUntilAsync("RS+ $G wire.test\r\n", TestTimeouts.Startup);

        // Our INFO offers neither, so the peer falls back to one plain connection, as with 2.9.
        Assert.DoesNotContain("compression", received, StringComparison.Ordinal);
        Assert.DoesNotContain("route_pool_size", received, StringComparison.Ordinal);
        await peer.SendAsync("RMSG $G wire.test 5\r\nhello\r\n");
        Assert.Equal("hello", (await TestClients.NextAsync(subscription)).Data);
    }

    [ServerTheory]
    public async Task A_dial_that_lost_to_the_peers_own_connection_is_made_again_when_the_peer_drops_that_one(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, EdgeCluster.MemberOptions("wire", routes: []), captureLog: true);
        var clusterPort = await ClusterPortAsync(server);
        using var peerPort = new TcpListener(IPAddress.Loopback, 0);
        peerPort.Start();
        var port = ((IPEndPoint)peerPort.LocalEndpoint).Port;

        // A routed peer tells the server of a second one, which the server then dials. Learned by
        // gossip, that route is dialled once (connect_retries 0), so the redial below is owed to
        // the duplicate alone.
        await using var first = await RawClient.ConnectAsync(clusterPort);
        await first.SendAsync(RouteConnect("NFAKEFIRST") + RouteInfo("NFAKEFIRST", port: 1));
        await first.ReadUntilAsync("PING\r\n", TestTimeouts.Startup);
        await first.SendAsync(RouteInfo("NFAKESECOND", port, ip: $"nats-route://127.0.0.1:{port}/"));
        await using var dialled = await RawClient.AcceptAsync(peerPort);
        Assert.StartsWith("CONNECT ", await dialled.ReadLineAsync(), StringComparison.Ordinal);
        await dialled.ReadInfoAsync();

        // Before that dial hears from the second peer, the peer's own connection is registered.
        await using var accepted = await RawClient.ConnectAsync(clusterPort);
        await accepted.SendAsync(RouteConnect("NFAKESECOND") + RouteInfo("NFAKESECOND", port));
        await accepted.ReadUntilAsync("PING\r\n", TestTimeouts.Startup);

        // The dial is the duplicate now: dropped without a word, the registered route stays.
        await dialled.SendAsync(RouteInfo("NFAKESECOND", port));
        await dialled.AssertClosedAsync();

        // The peer had kept the dialled connection and drops the other: the server dials again.
        await accepted.DisposeAsync();
        await using var redialled = await RawClient.AcceptAsync(peerPort);
        Assert.StartsWith("CONNECT ", await redialled.ReadLineAsync(TestTimeouts.Startup), StringComparison.Ordinal);
    }

    private static async Task<int> ClusterPortAsync(IRunningServer server) => server switch
    {
        EdgeServer edge => edge.ClusterPort,
        ReferenceServer reference => await reference.ClusterPortAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(server)),
    };

    private static string RouteConnect(string serverId) =>
        $"CONNECT {{\"echo\":true,\"verbose\":false,\"pedantic\":false,\"tls_required\":false,\"headers\":true,\"name\":\"{serverId}\",\"cluster\":\"wire\"}}\r\n";

    private static string RouteInfo(string serverId, int port, string? ip = null) =>
        $"INFO {{\"server_id\":\"{serverId}\",\"server_name\":\"{serverId}\",\"version\":\"2.9.10\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":{port},"
        + $"\"headers\":true,\"max_payload\":1048576,\"cluster\":\"wire\"{(ip is null ? string.Empty : $",\"ip\":\"{ip}\"")}}}\r\n";
}
