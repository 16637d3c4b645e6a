using System.IO.Compression;
using Nats.Edge.Server.WebSockets;
using Nats.Edge.Tests.Unit.Connections;

namespace Nats.Edge.Tests.Unit.WebSockets;

/// <summary>
/// permessage-deflate in nats-edge's framing, byte by byte where the compressed bit and the threshold
/// show; the exchanges with .NET's own WebSocket deflating are in <see cref="WebSocketFrameStreamTests"/>.
/// </summary>
public sealed class WebSocketDeflateTests
{
    [Fact]
    public async Task Writes_over_64_bytes_go_out_compressed_shorter_ones_as_they_are()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false, deflate: true);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        await server.WriteAsync(new byte[64], timeout.Token);
        var plain = new byte[2 + 64];
        await ends.Peer.ReadExactlyAsync(plain, timeout.Token);
        await server.WriteAsync(new byte[65], timeout.Token);
        var header = new byte[2];
        await ends.Peer.ReadExactlyAsync(header, timeout.Token);
        var deflated = new byte[header[1]];
        await ends.Peer.ReadExactlyAsync(deflated, timeout.Token);

        Assert.Equal(new byte[] { 0x82, 64 }, plain[..2]);
        Assert.Equal(0xC2, header[0]);
        Assert.Equal(new byte[65], Inflate(deflated));
    }

    [Fact]
    public async Task A_write_that_deflate_makes_longer_still_goes_out_whole()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false, deflate: true);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        // Random bytes do not compress: the frame outgrows the buffer sized for the payload.
        var payload = new byte[4096 - 14];
        new Random(7).NextBytes(payload);
        await server.WriteAsync(payload, timeout.Token);
        var header = new byte[4];
        await ends.Peer.ReadExactlyAsync(header, timeout.Token);
        var deflated = new byte[(header[2] << 8) | header[3]];
        await ends.Peer.ReadExactlyAsync(deflated, timeout.Token);

        Assert.Equal(new byte[] { 0xC2, 126 }, header[..2]);
        Assert.True(deflated.Length > payload.Length);
        Assert.Equal(payload, Inflate(deflated));
    }

    [Fact]
    public async Task A_compressed_frame_is_refused_when_no_compression_was_agreed()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        // RSV1 on a masked binary frame, key 0.
        await ends.Peer.WriteAsync(new byte[] { 0xC2, 0x81, 0, 0, 0, 0, 42 }, timeout.Token);

        await Assert.ThrowsAsync<IOException>(async () => await server.ReadExactlyAsync(new byte[1], timeout.Token));
    }

    [Fact]
    public async Task A_compressed_bit_on_a_continuation_frame_is_refused()
    {
        var ends = InMemoryDuplexStream.CreatePair();
        var server = new WebSocketFrameStream(ends.Server, isClient: false, deflate: true);
        using var timeout = new CancellationTokenSource(TestTimeouts());

        // A plain first fragment with one byte, then a continuation with RSV1.
        await ends.Peer.WriteAsync(new byte[] { 0x02, 0x81, 0, 0, 0, 0, 42, 0xC0, 0x81, 0, 0, 0, 0, 43 }, timeout.Token);

        await Assert.ThrowsAsync<IOException>(async () => await server.ReadExactlyAsync(new byte[2], timeout.Token));
    }

    private static byte[] Inflate(byte[] message)
    {
        using var inflater = new DeflateStream(new MemoryStream([.. message, 0x00, 0x00, 0xff, 0xff]), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    private static TimeSpan TestTimeouts() => Infrastructure.TestTimeouts.Startup;
}
