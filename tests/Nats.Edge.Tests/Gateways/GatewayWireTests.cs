using System.Net;
using System.Net.Sockets;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Gateways;

/// <summary>
/// The gateway protocol byte by byte, with the test playing the other cluster's server: the
/// outbound's optimistic mode and its switch to interest-only mode, and the inbound's refusals, each
/// refusal checked against nats-server too.
/// </summary>
public sealed class GatewayWireTests
{
    [Fact]
    public async Task Outbound_sends_optimistically_until_the_switch_then_only_what_has_interest_and_loses_nothing_around_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var fakePort = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var edge = await TestServers.StartWithConfigAsync(ServerTarget.Edge, GatewayPair.Config("A", -1, ("B", fakePort)));
        await using var peer = await RawClient.AcceptAsync(listener);

        // A server before 2.9: no gateway_iom, so every account starts optimistic.
        await peer.SendAsync($$"""INFO {"server_id":"FAKEB","server_name":"fake-b","version":"2.8.4","host":"127.0.0.1","port":{{fakePort}},"headers":true,"max_payload":1048576,"gateway":"B","gateway_urls":["127.0.0.1:{{fakePort}}"],"gateway_nrp":true}""" + "\r\n");
        Assert.StartsWith("CONNECT {", await peer.ReadLineAsync());
        Assert.Contains("\"gateway\":\"A\"", await peer.ReadLineAsync(), StringComparison.Ordinal);
        await using var client = await TestClients.ConnectAsync(edge);

        // Optimistic: sent though nobody asked, until the peer says no for the subject.
        await client.PublishAsync("s.1", "a");
        Assert.Equal("RMSG $G s.1 1\r\n", await NextMessageAsync(peer));
        await peer.ReadLineAsync();
        await peer.SendAsync("RS- $G s.1\r\n");
        await PingPongAsync(peer);
        await client.PublishAsync("s.1", "b");
        await client.PublishAsync("s.2", "c");
        Assert.Equal("RMSG $G s.2 1\r\n", await NextMessageAsync(peer));
        await peer.ReadLineAsync();

        // The switch: command 2, the account's whole interest, command 3. Messages published all
        // along on s.3 (which the interest covers) must each arrive once, in order.
        var publishing = PublishSequenceAsync(client, "s.3", 300);
        await peer.SendAsync(Command(2) + "RS+ $G s.>\r\n" + Command(3) + "PING\r\n");
        var received = new List<string>();
        var switched = false;
        string? end = null;
        while (end is null)
        {
            var line = await peer.ReadLineAsync();
            if (line == "PING\r\n")
            {
                await peer.SendAsync("PONG\r\n");
            }
            else if (line == "PONG\r\n")
            {
                // The switch is read: from here on only what the interest covers goes out.
                switched = true;
                await publishing;
                await client.PublishAsync("t.1", "no interest now");
                await client.PublishAsync("s.4", "end");
            }
            else if (line.StartsWith("RMSG ", StringComparison.Ordinal))
            {
                var payload = (await peer.ReadLineAsync()).TrimEnd();
                Assert.False(switched && line.StartsWith("RMSG $G t.1", StringComparison.Ordinal), "a subject without interest crossed after the switch");
                if (line.StartsWith("RMSG $G s.4", StringComparison.Ordinal))
                {
                    end = payload;
                }
                else if (line.StartsWith("RMSG $G s.3", StringComparison.Ordinal))
                {
                    received.Add(payload);
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"m{i}"), received);
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task A_client_on_the_gateway_port_is_told_so_and_closed(ServerTarget target)
    {
        var port = TestPorts.Free();
        await using var server = await TestServers.StartWithConfigAsync(target, GatewayPair.Config("A", port));
        await using var raw = await RawClient.ConnectAsync(port);
        Assert.StartsWith("INFO {", await raw.ReadLineAsync());

        await raw.SendAsync("CONNECT {\"verbose\":false,\"lang\":\"go\"}\r\n");

        Assert.Equal("-ERR 'attempted to connect to gateway port'\r\n", await raw.ReadLineAsync());
        await raw.AssertClosedAsync();
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Edge)]
    [InlineData(ServerTarget.Reference)]
    public async Task An_inbound_gateway_with_the_wrong_password_is_refused(ServerTarget target)
    {
        var port = TestPorts.Free();
        await using var server = await TestServers.StartWithConfigAsync(target, $$"""
            "gateway": { "name": "A", "host": "127.0.0.1", "port": {{port}}, "authorization": { "user": "gw", "password": "secret" } }
            """);
        await using var raw = await RawClient.ConnectAsync(port);
        var info = await raw.ReadLineAsync();
        Assert.Contains("\"auth_required\":true", info, StringComparison.Ordinal);

        await raw.SendAsync("CONNECT {\"user\":\"gw\",\"pass\":\"guess\",\"gateway\":\"B\",\"name\":\"FAKEB\"}\r\n");

        Assert.Equal("-ERR 'Authorization Violation'\r\n", await raw.ReadLineAsync());
        await raw.AssertClosedAsync();
    }

    [Fact]
    public async Task An_outbound_that_reaches_another_cluster_than_it_dialled_refuses_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var fakePort = ((IPEndPoint)listener.LocalEndpoint).Port;
        await using var edge = await TestServers.StartWithConfigAsync(ServerTarget.Edge, GatewayPair.Config("A", -1, ("B", fakePort)));
        await using var peer = await RawClient.AcceptAsync(listener);

        await peer.SendAsync("INFO {\"server_id\":\"FAKEC\",\"gateway\":\"C\",\"headers\":true}\r\n");

        Assert.Equal("-ERR 'Connection from \"A\" rejected, wanted to connect to \"B\", this is \"C\"'\r\n", await peer.ReadLineAsync());
        await peer.AssertClosedAsync();
    }

    private static string Command(int command) =>
        $$"""INFO {"server_id":"","gateway":"B","gateway_cmd":{{command}},"gateway_cmd_payload":"JEc="}""" + "\r\n";

    private static async Task PublishSequenceAsync(NatsConnection client, string subject, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.PublishAsync(subject, $"m{i}");
        }

        await client.PingAsync();
    }

    // The next RMSG line, past the PINGs (answered), the INFO a gateway may send, and the system
    // account's events (STATSZ, connection counts), which go optimistically to a pre-2.9 peer too.
    private static async Task<string> NextMessageAsync(RawClient peer)
    {
        while (true)
        {
            var line = await peer.ReadLineAsync();
            if (line == "PING\r\n")
            {
                await peer.SendAsync("PONG\r\n");
                continue;
            }

            if (await SkippedSystemEventAsync(peer, line))
            {
                continue;
            }

            if (line.StartsWith("RMSG ", StringComparison.Ordinal) || line.StartsWith("HMSG ", StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    // PING, then the PONG, past the system account's events that may come first.
    private static async Task PingPongAsync(RawClient peer)
    {
        await peer.SendAsync("PING\r\n");
        string line;
        while ((line = await peer.ReadLineAsync()) != "PONG\r\n")
        {
            Assert.True(await SkippedSystemEventAsync(peer, line), $"expected PONG, got {line}");
        }
    }

    // Reads past a system account message (its JSON is one line); false for any other line.
    private static async Task<bool> SkippedSystemEventAsync(RawClient peer, string line)
    {
        if (!line.StartsWith("RMSG $SYS ", StringComparison.Ordinal))
        {
            return false;
        }

        await peer.ReadLineAsync();
        return true;
    }
}
