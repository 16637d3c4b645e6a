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

}
