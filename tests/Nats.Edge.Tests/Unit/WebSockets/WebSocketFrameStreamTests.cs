using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using Nats.Edge.Server.WebSockets;
using Nats.Edge.Tests.Unit.Connections;

namespace Nats.Edge.Tests.Unit.WebSockets;

/// <summary>
/// nats-edge's framing against .NET's own WebSocket on the other end of an in-memory connection: each
/// side's frames, masks, lengths, pings and close as the other expects them; messages both plain and,
/// with permessage-deflate agreed (no context takeover either way), compressed.
/// </summary>
public sealed class WebSocketFrameStreamTests
{
    // Lengths at each header form's edges: 7-bit, 16-bit, 64-bit; and at deflate's 64-byte threshold.
    private static readonly int[] Lengths = [1, 64, 65, 125, 126, 4000, 65_535, 65_536, 200_003];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Server_side_reads_what_a_client_sends_in_any_read_size_and_across_fragments(bool deflate)
    {
        var (server, client) = Pair(serverSide: true, deflate);
        using var timeout = new CancellationTokenSource(TestTimeouts());
        var expected = new List<byte>();
        foreach (var length in Lengths)
        {
            expected.AddRange(Payload(length));
        }

        expected.AddRange(Payload(300));
        expected.AddRange(Payload(301));
        expected.AddRange("PING\r\n"u8.ToArray());
        var sending = SendAllAsync(client, timeout.Token);

        var received = new List<byte>();
        var buffer = new byte[7];
        while (received.Count < expected.Count)
        {
            var read = await server.ReadAsync(buffer, timeout.Token);
            Assert.NotEqual(0, read);
            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        Assert.Equal(expected, received);
        await sending;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Server_side_writes_one_message_per_write(bool deflate)
    {
        var (server, client) = Pair(serverSide: true, deflate);
        using var timeout = new CancellationTokenSource(TestTimeouts());
        foreach (var length in Lengths)
        {
            var writing = server.WriteAsync(Payload(length), timeout.Token).AsTask();

            Assert.Equal(Payload(length), await ReceiveMessageAsync(client, timeout.Token));
            await writing;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_side_masks_what_it_writes_and_reads_a_server_unmasked(bool deflate)
    {
        var (ours, server) = Pair(serverSide: false, deflate);
        using var timeout = new CancellationTokenSource(TestTimeouts());
        foreach (var length in Lengths)
        {
            var writing = ours.WriteAsync(Payload(length), timeout.Token).AsTask();
            Assert.Equal(Payload(length), await ReceiveMessageAsync(server, timeout.Token));
            await writing;

            var sending = server.SendAsync(Payload(length), WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);
            var received = new byte[length];
            await ours.ReadExactlyAsync(received, timeout.Token);
            Assert.Equal(Payload(length), received);
            await sending;
        }
    }

    [Fact]
    public async Task A_close_from_the_peer_is_answered_and_ends_the_stream()
    {
        var (server, client) = Pair(serverSide: true);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        var closing = client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        Assert.Equal(0, await server.ReadAsync(new byte[16], timeout.Token));
        await closing;
        Assert.Equal((WebSocketState.Closed, WebSocketCloseStatus.NormalClosure), (client.State, client.CloseStatus));
    }

    [Fact]
    public async Task A_ping_is_answered_with_a_pong_carrying_its_payload()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        // A masked ping with "hi", key 1 2 3 4, then a data frame so the read has something to return.
        await ends.Peer.WriteAsync(new byte[] { 0x89, 0x82, 1, 2, 3, 4, (byte)'h' ^ 1, (byte)'i' ^ 2, 0x82, 0x81, 0, 0, 0, 0, 42 }, timeout.Token);
        var data = new byte[1];
        await server.ReadExactlyAsync(data, timeout.Token);
        var pong = new byte[4];
        await ends.Peer.ReadExactlyAsync(pong, timeout.Token);

        Assert.Equal(42, data[0]);
        Assert.Equal(new byte[] { 0x8A, 0x02, (byte)'h', (byte)'i' }, pong);
    }

    [Fact]
    public async Task A_close_goes_out_once_with_status_and_reason()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        await server.CloseAsync(1001, "Server Shutdown", timeout.Token);
        await server.CloseAsync(1000, "Client Closed", timeout.Token);
        await server.WriteAsync("x"u8.ToArray(), timeout.Token);
        var frames = new byte[2 + 2 + 15 + 3];
        await ends.Peer.ReadExactlyAsync(frames, timeout.Token);

        Assert.Equal(new byte[] { 0x88, 17 }, frames[..2]);
        Assert.Equal(1001, BinaryPrimitives.ReadUInt16BigEndian(frames.AsSpan(2)));
        Assert.Equal("Server Shutdown", Encoding.ASCII.GetString(frames, 4, 15));
        Assert.Equal(new byte[] { 0x82, 1, (byte)'x' }, frames[19..]);
    }

    [Fact]
    public async Task An_unmasked_frame_from_a_client_is_refused()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        await ends.Peer.WriteAsync(new byte[] { 0x82, 0x01, 42 }, timeout.Token);

        await Assert.ThrowsAsync<IOException>(async () => await server.ReadExactlyAsync(new byte[1], timeout.Token));
    }

    // Every length, then one message in two fragments (the second a continuation frame), then a text message.
    private static async Task SendAllAsync(WebSocket client, CancellationToken cancellationToken)
    {
        foreach (var length in Lengths)
        {
            await client.SendAsync(Payload(length), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }

        await client.SendAsync(Payload(300), WebSocketMessageType.Binary, endOfMessage: false, cancellationToken);
        await client.SendAsync(Payload(301), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        await client.SendAsync("PING\r\n"u8.ToArray(), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    // Ours on one end, .NET's WebSocket in the other role on the other; with deflate both compress.
    private static (WebSocketFrameStream Ours, WebSocket Theirs) Pair(bool serverSide, bool deflate = false)
    {
        var (a, b) = InMemoryDuplexStream.CreatePair();
        var ours = new WebSocketFrameStream(a, isClient: !serverSide, deflate);
        var theirs = WebSocket.CreateFromStream(b, new WebSocketCreationOptions
        {
            IsServer = !serverSide,
            KeepAliveInterval = TimeSpan.Zero,
            DangerousDeflateOptions = deflate ? new WebSocketDeflateOptions { ClientContextTakeover = false, ServerContextTakeover = false } : null,
        });
        return (ours, theirs);
    }

    private static async Task<byte[]> ReceiveMessageAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var message = new List<byte>();
        var buffer = new byte[8192];
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            message.AddRange(buffer.AsSpan(0, result.Count).ToArray());
        }
        while (!result.EndOfMessage);

        return [.. message];
    }

    private static byte[] Payload(int length)
    {
        var payload = new byte[length];
        for (var i = 0; i < length; i++)
        {
            payload[i] = (byte)(i * 7 + length);
        }

        return payload;
    }

    private static TimeSpan TestTimeouts() => Infrastructure.TestTimeouts.Startup;
}
