using System.Net;
using System.Net.Sockets;
using System.Text;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Performance;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// A subscriber that stops reading is cut off, without an -ERR, once its queued output passes
/// max_pending or a write stalls past write_deadline; the publisher and the other subscribers carry
/// on and lose nothing. Edge only: under this flood nats-server 2.9.10 also cuts off the subscriber
/// that keeps up (its producer stall starts later than ours), and how long it takes to notice the
/// stalled one varies run to run, so its outcome is no fixed reference here.
/// Run alone: with the rest of the suite competing for two cores, the reading subscriber's own task
/// can sit unscheduled past the short write deadline and be cut off too, rightly.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class SlowConsumerTests
{
    private const int Messages = 20_000;
    private const int PayloadSize = 1024;

    [Fact]
    public async Task Subscriber_past_max_pending_is_closed_while_others_get_every_message()
    {
        await using var server = await TestServers.StartAsync(ServerTarget.Edge, TestServers.Defaults with { MaxPending = 4 * 1024 * 1024 });
        await RunWithOneStalledSubscriber(server.Port);
    }

    [Fact]
    public async Task Subscriber_whose_writes_stall_past_write_deadline_is_closed_while_others_get_every_message()
    {
        await using var server = await TestServers.StartAsync(ServerTarget.Edge, TestServers.Defaults with { WriteDeadline = TimeSpan.FromMilliseconds(500) });
        await RunWithOneStalledSubscriber(server.Port);
    }

    // 20 MB to a subscriber that never reads overflows any loopback socket buffers, so the server
    // itself has to hold, and then give up on, the rest. The other subscriber reads at full speed.
    private static async Task RunWithOneStalledSubscriber(int port)
    {
        using var stalled = await SubscribeAsync(port, "SUB flood 1\r\n", receiveBuffer: 4096);
        using var reader = await SubscribeAsync(port, "SUB flood 2\r\n", receiveBuffer: 1024 * 1024);
        var frame = Encoding.ASCII.GetByteCount($"MSG flood 2 {PayloadSize}\r\n") + PayloadSize + 2;
        var draining = DrainAsync(reader, (long)frame * Messages);

        // nats-server holds a publisher back while a subscriber lags, so sends get one overall deadline.
        using var publisher = await SubscribeAsync(port, string.Empty, receiveBuffer: 64 * 1024);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var payload = new string('x', PayloadSize);
        var batch = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat($"PUB flood {PayloadSize}\r\n{payload}\r\n", 100)));
        for (var sent = 0; sent < Messages; sent += 100)
        {
            await publisher.SendAsync(batch, deadline.Token);
        }

        Assert.Equal((long)frame * Messages, await draining);
        Assert.True(await IsClosedAsync(stalled), "the stalled subscriber should have been cut off");
    }

    // Subscribes and waits for the PONG that proves the subscription is in place.
    private static async Task<Socket> SubscribeAsync(int port, string sub, int receiveBuffer)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBuffer };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(Encoding.ASCII.GetBytes("CONNECT {\"verbose\":false}\r\n" + sub + "PING\r\n"));
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
        while (!seen.ToString().EndsWith("PONG\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, deadline.Token);
            Assert.True(read > 0, "closed during the handshake: " + seen);
            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return socket;
    }

    // Reads until the expected byte count arrived (every MSG frame has the same size) or 20 s passed.
    private static async Task<long> DrainAsync(Socket socket, long expected)
    {
        var buffer = new byte[256 * 1024];
        long received = 0;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (received < expected)
        {
            var read = await socket.ReceiveAsync(buffer, deadline.Token);
            if (read == 0)
            {
                break;
            }

            received += read;
        }

        return received;
    }

    // Drains what the kernel still holds for the stalled socket; a slow consumer sees EOF or a reset.
    private static async Task<bool> IsClosedAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await socket.ReceiveAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
