using System.Text;
using Nats.Edge.Server.WebSockets;
using Nats.Edge.Tests.Unit.Connections;

namespace Nats.Edge.Tests.Unit.WebSockets;

/// <summary>
/// A websocket leaf remote's upgrade with <c>ws_compression</c>, against a hub played by hand: the offer
/// nats-server's remotes make, and what each answer leads to, as nats-server's remotes decide it.
/// </summary>
public sealed class WebSocketDialTests
{
    private const string Offer = "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n";

    [Fact]
    public async Task A_hub_that_takes_up_the_offer_gets_compressed_frames()
    {
        using var timeout = new CancellationTokenSource(Infrastructure.TestTimeouts.Reply);
        var (ends, request, dialling) = await DialAsync(deflate: true, timeout.Token);
        await AnswerAsync(ends.Peer, request, "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; client_no_context_takeover\r\n");
        var stream = await dialling;

        await stream.WriteAsync(Encoding.ASCII.GetBytes("CONNECT " + new string(' ', 100) + "\r\n"), timeout.Token);
        var first = new byte[1];
        await ends.Peer.ReadExactlyAsync(first, timeout.Token);

        Assert.Contains(Offer, request, StringComparison.Ordinal);
        Assert.Equal(0xC2, first[0]);
    }

    [Fact]
    public async Task A_hub_that_ignores_the_offer_gets_plain_frames()
    {
        using var timeout = new CancellationTokenSource(Infrastructure.TestTimeouts.Reply);
        var (ends, request, dialling) = await DialAsync(deflate: true, timeout.Token);
        await AnswerAsync(ends.Peer, request, string.Empty);
        var stream = await dialling;

        await stream.WriteAsync(Encoding.ASCII.GetBytes("CONNECT " + new string(' ', 100) + "\r\n"), timeout.Token);
        var first = new byte[1];
        await ends.Peer.ReadExactlyAsync(first, timeout.Token);

        Assert.Equal(0x82, first[0]);
    }

    [Fact]
    public async Task A_hub_that_keeps_its_context_is_refused_with_nats_server_words()
    {
        using var timeout = new CancellationTokenSource(Infrastructure.TestTimeouts.Reply);
        var (ends, request, dialling) = await DialAsync(deflate: true, timeout.Token);
        await AnswerAsync(ends.Peer, request, "Sec-WebSocket-Extensions: permessage-deflate\r\n");

        var error = await Assert.ThrowsAsync<IOException>(() => dialling);

        Assert.Equal("compression negotiation error", error.Message);
    }

    [Fact]
    public async Task Without_ws_compression_nothing_is_offered()
    {
        using var timeout = new CancellationTokenSource(Infrastructure.TestTimeouts.Reply);
        var (ends, request, dialling) = await DialAsync(deflate: false, timeout.Token);
        await AnswerAsync(ends.Peer, request, string.Empty);
        await dialling;

        Assert.DoesNotContain("Sec-WebSocket-Extensions", request, StringComparison.Ordinal);
    }

    // Starts the dial and reads its request on the hub's end.
    private static async Task<((InMemoryDuplexStream Server, InMemoryDuplexStream Peer) Ends, string Request, Task<Stream> Dialling)> DialAsync(
        bool deflate, CancellationToken timeout)
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var dialling = WebSocketDial.UpgradeAsync(ends.Server, new Uri("ws://hub.lan:8080"), deflate, timeout);
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            await ends.Peer.ReadExactlyAsync(one, timeout);
            request.Append((char)one[0]);
        }

        return (ends, request.ToString(), dialling);
    }

    // The dial makes its own key: the hub proves the one it was sent.
    private static async Task AnswerAsync(Stream hub, string request, string extensions)
    {
        var key = request.Split("\r\n").Single(static line => line.StartsWith("Sec-WebSocket-Key: ", StringComparison.Ordinal))["Sec-WebSocket-Key: ".Length..];
        var answer = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {WebSocketKey.Accept(key)}\r\n{extensions}\r\n";
        await hub.WriteAsync(Encoding.ASCII.GetBytes(answer));
    }
}
