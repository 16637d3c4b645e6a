using System.Net;
using System.Net.Sockets;
using System.Text;
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
    public async Task A_newer_peer_offering_compression_gets_an_s2_route_after_the_infos()
    {
        await using var server = await EdgeCluster.StartMemberAsync("wire", routes: []);
        await using var client = await TestClients.ConnectAsync(server);
        await using var subscription = await client.SubscribeCoreAsync<string>("wire.test");
        await client.PingAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, server.ClusterPort);
        await using var plain = new NetworkStream(socket, ownsSocket: false);

        // A 2.10-style solicitor: CONNECT, then an INFO that offers s2 compression (and pooling, which
        // nats-edge does not take up: its INFO names no pool, so the peer keeps one connection).
        await plain.WriteAsync(Encoding.ASCII.GetBytes(RouteConnect("NPEER") + PeerInfo("s2_auto") + "\r\n"));
        var offer = await ReadPlainLineAsync(plain);
        Assert.Contains("\"compression\":\"accept\"", offer, StringComparison.Ordinal);
        Assert.DoesNotContain("route_pool_size", offer, StringComparison.Ordinal);

        // Everything after the two INFOs is S2 both ways: the server's INFO again, with the mode it
        // chose (it accepts and follows the peer's s2_auto with s2_fast), then, once the peer's
        // compressed INFO sets the route up, its interest.
        await using var s2 = new Nats.Edge.Server.Compression.S2Stream(plain, leaveOpen: true);
        await s2.WriteAsync(Encoding.ASCII.GetBytes(PeerInfo("s2_auto") + "\r\n"));
        await s2.FlushAsync();
        var decoded = await ReadUntilAsync(s2, "RS+ $G wire.test\r\n");
        Assert.StartsWith("INFO {", decoded, StringComparison.Ordinal);
        Assert.Contains("\"compression\":\"s2_fast\"", decoded, StringComparison.Ordinal);

        await s2.WriteAsync("RMSG $G wire.test 5\r\nhello\r\n"u8.ToArray());
        await s2.FlushAsync();
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
        // Its INFO follows at once from nats-server 2.9; nats-edge holds it until it hears the peer's.
        await using var dialled = await RawClient.AcceptAsync(peerPort);
        Assert.StartsWith("CONNECT ", await dialled.ReadLineAsync(), StringComparison.Ordinal);

        // Before that dial hears from the second peer, the peer's own connection is registered.
        await using var accepted = await RawClient.ConnectAsync(clusterPort);
        await accepted.SendAsync(RouteConnect("NFAKESECOND") + RouteInfo("NFAKESECOND", port));
        await accepted.ReadUntilAsync("PING\r\n", TestTimeouts.Startup);

        // The dial is the duplicate now: dropped without a word, the registered route stays.
        await dialled.SendAsync(RouteInfo("NFAKESECOND", port));
        var lastWords = (await dialled.ReadUntilClosedAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lastWords, line => Assert.StartsWith("INFO {", line, StringComparison.Ordinal));

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

    private static string PeerInfo(string compression) =>
        "INFO {\"server_id\":\"NPEER\",\"server_name\":\"peer\",\"version\":\"2.10.0\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":1,"
        + $"\"headers\":true,\"cluster\":\"wire\",\"compression\":\"{compression}\",\"route_pool_size\":3}}";

    // One line, byte by byte, so nothing after it (the S2 stream) is taken.
    private static async Task<string> ReadPlainLineAsync(Stream stream)
    {
        var line = new List<byte>();
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        while (line.Count == 0 || line[^1] != (byte)'\n')
        {
            await stream.ReadExactlyAsync(one, timeout.Token);
            line.Add(one[0]);
        }

        return Encoding.ASCII.GetString([.. line]);
    }

    private static async Task<string> ReadUntilAsync(Stream stream, string terminator)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        while (!text.ToString().Contains(terminator, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, $"closed while waiting for {terminator.TrimEnd()}, after \"{text}\"");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static string RouteInfo(string serverId, int port, string? ip = null) =>
        $"INFO {{\"server_id\":\"{serverId}\",\"server_name\":\"{serverId}\",\"version\":\"2.9.10\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":{port},"
        + $"\"headers\":true,\"max_payload\":1048576,\"cluster\":\"wire\"{(ip is null ? string.Empty : $",\"ip\":\"{ip}\"")}}}\r\n";
}
