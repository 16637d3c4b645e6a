using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Performance;
using Xunit.Abstractions;

namespace Nats.Edge.Tests.Reliability;

/// <summary>
/// Clients that mean harm, or act as if they did, against a server run as its own process, nats-edge
/// and nats-server alike: each case holds the server under a stated memory bound while an honest
/// publisher and subscriber beside it lose nothing. The figures are printed for both servers.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class HostileClientTests(ITestOutputHelper output)
{
    private const int MiB = 1024;

    [ServerTheory]
    public async Task A_thousand_half_sent_control_lines_hold_no_more_than_their_sockets(ServerTarget target)
    {
        await using var run = await HostileRun.StartAsync(target);
        var sockets = new List<Socket>();
        try
        {
            var outcome = await run.MeasureAsync(async () =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    sockets.Add(socket);
                    await socket.ConnectAsync(IPAddress.Loopback, run.Port);
                    await socket.SendAsync("CONNECT {\"verbose\":false,\"ped"u8.ToArray());
                }

                // They hang there, saying nothing more, while the honest clients carry on.
                await Task.Delay(2000);
            });

            AssertHeld(outcome, target, "1,000 connections with half a CONNECT", boundMiB: 48);
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }

    [ServerTheory]
    public async Task Control_lines_at_the_maximum_length_are_read_and_a_longer_one_is_refused(ServerTarget target)
    {
        await using var run = await HostileRun.StartAsync(target);

        // 4,096 bytes with CR LF, the default max_control_line: a PUB of nothing on a long subject.
        var subject = new string('s', 4096 - "PUB  0\r\n".Length);
        var longest = Encoding.ASCII.GetBytes($"PUB {subject} 0\r\n\r\n");
        var outcome = await run.MeasureAsync(async () =>
        {
            var clients = new List<Task>();
            for (var i = 0; i < 50; i++)
            {
                clients.Add(Task.Run(async () =>
                {
                    await using var client = await RawClient.OpenSessionAsync(run.Port);
                    for (var line = 0; line < 200; line++)
                    {
                        await client.SendBytesAsync(longest);
                    }

                    await client.SendAsync("PING\r\n");
                    Assert.Equal("PONG", (await client.ReadLineAsync()).TrimEnd());
                }));
            }

            await Task.WhenAll(clients);
        });

        // Past the limit, a line still waiting for its end is refused at once, as nats-server refuses
        // it: it checks the length of a line split across reads, not of one that arrived whole.
        await using var tooLong = await RawClient.OpenSessionAsync(run.Port);
        await tooLong.SendAsync($"PUB {subject}{subject}");
        Assert.Contains("-ERR 'maximum control line exceeded'", await tooLong.ReadUntilClosedAsync(), StringComparison.Ordinal);
        AssertHeld(outcome, target, "50 clients × 200 control lines of 4,096 bytes", boundMiB: 32);
    }

    [ServerTheory]
    public async Task A_client_subscribing_without_end_is_stopped_at_max_subscriptions(ServerTarget target)
    {
        await using var run = await HostileRun.StartAsync(target, "\"max_subscriptions\": 100000");
        var outcome = await run.MeasureAsync(async () =>
        {
            await using var greedy = await RawClient.OpenSessionAsync(run.Port);
            var batch = new StringBuilder();
            for (var sid = 1; sid <= 100_001; sid++)
            {
                batch.Append("SUB greedy.").Append(sid).Append(' ').Append(sid).Append("\r\n");
                if (batch.Length > 32 * 1024)
                {
                    await greedy.SendAsync(batch.ToString());
                    batch.Clear();
                }
            }

            await greedy.SendAsync(batch.Append("PING\r\n").ToString());
            var answer = await greedy.ReadUntilAsync("PONG\r\n", TimeSpan.FromSeconds(30));
            Assert.Contains("-ERR 'maximum subscriptions exceeded'", answer, StringComparison.Ordinal);
        });

        AssertHeld(outcome, target, "one client's 100,000 subscriptions, then one more", boundMiB: 96);
    }

    [ServerTheory]
    public async Task A_consumer_that_never_reads_is_cut_off_at_max_pending(ServerTarget target)
    {
        // A write deadline of 2 s: nats-server holds the publisher back while it tries to write to the
        // consumer, and gives up on the consumer after that long at most.
        await using var run = await HostileRun.StartAsync(target, "\"max_pending\": 8388608, \"write_deadline\": \"2s\"");
        using var deaf = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        var outcome = await run.MeasureAsync(async () =>
        {
            await deaf.ConnectAsync(IPAddress.Loopback, run.Port);
            await deaf.SendAsync("CONNECT {\"verbose\":false}\r\nSUB flood 1\r\nPING\r\n"u8.ToArray());
            await Task.Delay(200);

            // 1 KiB messages until the server has given up on the deaf consumer (it never reads).
            await using var flooder = await RawClient.OpenSessionAsync(run.Port);
            var message = Encoding.ASCII.GetBytes("PUB flood 1024\r\n" + new string('x', 1024) + "\r\n");
            var burst = new byte[message.Length * 64];
            for (var i = 0; i < 64; i++)
            {
                message.CopyTo(burst, i * message.Length);
            }

            // 64 MiB in all: eight times max_pending, far past what the sockets' buffers hold.
            for (var sent = 0; sent < 64 * 1024 * 1024; sent += burst.Length)
            {
                await flooder.SendBytesAsync(burst);
            }

            await flooder.SendAsync("PING\r\n");
            await flooder.ReadUntilAsync("PONG\r\n", TimeSpan.FromSeconds(30));
        });

        // Cut off: what the consumer finally reads ends, well short of the 64 MiB, where the server
        // closed it. Left on, it would be handed everything queued and stay open.
        var (read, closed) = await DrainAsync(deaf, TimeSpan.FromSeconds(10));
        Assert.True(closed, $"the deaf consumer was never cut off ({read:N0} bytes read)");
        Assert.True(read < 32L * 1024 * 1024, $"{read:N0} bytes reached the deaf consumer");
        AssertHeld(outcome, target, "a consumer that never reads, 8 MiB max_pending, flooded with 1 KiB messages", boundMiB: 48);
    }

    [ServerTheory]
    public async Task Leaf_and_route_peers_sending_garbage_after_their_handshake_are_closed(ServerTarget target)
    {
        var leafPort = TestPorts.Free();
        var routePort = TestPorts.Free();
        await using var run = await HostileRun.StartAsync(target, $$"""
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}} },
            "cluster": { "name": "hostile", "host": "127.0.0.1", "port": {{routePort}} }
            """);
        var noise = new byte[64 * 1024];
        new Random(22).NextBytes(noise);
        var closed = 0;
        var outcome = await run.MeasureAsync(async () =>
        {
            var peers = new List<Task>();
            for (var i = 0; i < 25; i++)
            {
                var id = $"NGARBLER{i}";
                peers.Add(GarbleAsync(leafPort, $"CONNECT {{\"name\":\"{id}\",\"verbose\":false,\"headers\":true,\"lang\":\"go\",\"version\":\"2.9.10\"}}\r\n"));
                peers.Add(GarbleAsync(routePort, $"CONNECT {{\"name\":\"{id}\",\"cluster\":\"hostile\",\"headers\":true}}\r\n"
                    + $"INFO {{\"server_id\":\"{id}\",\"name\":\"{id}\",\"version\":\"2.9.10\",\"proto\":2,\"host\":\"127.0.0.1\",\"port\":1,\"headers\":true,\"cluster\":\"hostile\"}}\r\n"));
            }

            await Task.WhenAll(peers);
        });

        Assert.Equal(50, closed);
        AssertHeld(outcome, target, "25 leaf and 25 route peers sending 64 KiB of noise after their handshake", boundMiB: 32);

        async Task GarbleAsync(int port, string handshake)
        {
            await using var peer = await RawClient.ConnectAsync(port);
            await peer.SendAsync(handshake);
            await Task.Delay(100);
            try
            {
                await peer.SendBytesAsync(noise);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // Closed before all the noise was taken.
            }

            await peer.ReadUntilClosedAsync();
            Interlocked.Increment(ref closed);
        }
    }

    [ServerTheory]
    public async Task Thousands_of_connections_opened_and_closed_leave_nothing_behind(ServerTarget target)
    {
        await using var run = await HostileRun.StartAsync(target);
        var socketsBefore = run.OpenSockets();
        var made = 0;
        var outcome = await run.MeasureAsync(async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var loops = new List<Task>();
            for (var loop = 0; loop < 8; loop++)
            {
                loops.Add(Task.Run(async () =>
                {
                    var buffer = new byte[4096];
                    while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(4))
                    {
                        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                        await socket.ConnectAsync(IPAddress.Loopback, run.Port);
                        await socket.SendAsync("CONNECT {\"verbose\":false}\r\nPING\r\n"u8.ToArray());
                        var seen = string.Empty;
                        while (!seen.Contains("PONG", StringComparison.Ordinal))
                        {
                            var read = await socket.ReceiveAsync(buffer);
                            Assert.True(read > 0, "closed before PONG");
                            seen += Encoding.ASCII.GetString(buffer, 0, read);
                        }

                        Interlocked.Increment(ref made);
                    }
                }));
            }

            await Task.WhenAll(loops);
        });

        // Every socket the churn opened is closed again on the server's side.
        await Poll.UntilAsync(() => run.OpenSockets() <= socketsBefore + 2, () => $"sockets {run.OpenSockets()}, {socketsBefore} before");
        output.WriteLine($"{run.Target}: {made / 4} connections a second opened, greeted and closed");
        Assert.True(made > 1000, $"only {made} connections in 4 s");
        // nats-edge peaks at 17-48 MiB above its idle size here (published binary and dll alike,
        // varying run to run), nats-server at about 19, while 5,000 connections a second come and
        // go; what it keeps afterwards is not measured.
        AssertHeld(outcome, target, $"{made:N0} connections opened and closed in 4 s", boundMiB: 64);
    }

    [ServerTheory]
    public async Task Tls_handshakes_that_never_finish_are_given_up_after_the_tls_timeout(ServerTarget target)
    {
        using var certificates = new TestCertificates();
        await using var run = await HostileRun.StartAsync(target, $$"""
            "tls": { "cert_file": "{{certificates.ServerCertificateFile}}", "key_file": "{{certificates.ServerKeyFile}}", "timeout": 1 }
            """);
        var sockets = new List<Socket>();
        try
        {
            var socketsBefore = run.OpenSockets();
            var outcome = await MeasureWithoutProbeAsync(run, async () =>
            {
                for (var i = 0; i < 300; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    sockets.Add(socket);
                    await socket.ConnectAsync(IPAddress.Loopback, run.Port);
                }

                // Not a byte of a handshake: each is closed once the tls timeout has passed.
                await Poll.UntilAsync(() => sockets.TrueForAll(IsClosed), () => $"{sockets.Count(socket => !IsClosed(socket))} of 300 still open");
            });

            await Poll.UntilAsync(() => run.OpenSockets() <= socketsBefore + 2, () => $"sockets {run.OpenSockets()}, {socketsBefore} before");
            output.WriteLine(outcome.Describe($"{run.Target}, 300 TLS handshakes never begun"));
            Assert.True(outcome.GrowthKiB < 32 * MiB, outcome.Describe("300 TLS handshakes never begun"));
        }
        finally
        {
            sockets.ForEach(socket => socket.Dispose());
        }
    }

    // The TLS port takes no plain honest client, so this case only watches memory.
    private static async Task<HostileRun.Outcome> MeasureWithoutProbeAsync(HostileRun run, Func<Task> attack)
    {
        var baseline = run.ResidentKiB();
        var peak = baseline;
        var attacking = attack();
        while (!attacking.IsCompleted)
        {
            peak = Math.Max(peak, run.ResidentKiB());
            await Task.WhenAny(attacking, Task.Delay(25));
        }

        await attacking;
        return new HostileRun.Outcome(baseline, Math.Max(peak, run.ResidentKiB()), 0, 0, TimeSpan.Zero);
    }

    // Whether the server closed it; what it sent first (an INFO) is read and dropped on the way.
    private static bool IsClosed(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.Poll(0, SelectMode.SelectRead))
            {
                if (socket.Available == 0 || socket.Receive(buffer) == 0)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    // Reads until the server closes the connection, or nothing comes for a while.
    private static async Task<(long Read, bool Closed)> DrainAsync(Socket socket, TimeSpan quiet)
    {
        var buffer = new byte[64 * 1024];
        var total = 0L;
        try
        {
            while (true)
            {
                using var timeout = new CancellationTokenSource(quiet);
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    return (total, true);
                }

                total += read;
            }
        }
        catch (OperationCanceledException)
        {
            return (total, false);
        }
        catch (SocketException)
        {
            return (total, true);
        }
    }

    private void AssertHeld(HostileRun.Outcome outcome, ServerTarget target, string attack, int boundMiB)
    {
        output.WriteLine(outcome.Describe($"{target}, {attack}"));
        Assert.True(outcome.Sent > 0, "no honest message was sent");
        Assert.Equal(outcome.Sent, outcome.Received);
        Assert.True(outcome.GrowthKiB < boundMiB * MiB, outcome.Describe(attack) + $": over the {boundMiB} MiB bound");
    }
}
