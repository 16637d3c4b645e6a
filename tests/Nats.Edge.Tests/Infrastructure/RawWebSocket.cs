using System.Text;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A WebSocket client written out by hand, for pinning a server's frames byte by byte: the upgrade's
/// answer as sent, each frame's first byte (flags and opcode) and payload, and permessage-deflate done
/// with System.IO.Compression as RFC 7692 describes it, not by a WebSocket library.
/// </summary>
public sealed class RawWebSocket : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawWebSocket(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>The answer's head, up to its blank line.</summary>
    public string Answer { get; private set; } = string.Empty;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and sends an upgrade with <paramref name="headers"/> added.</summary>
    public static async Task<RawWebSocket> ConnectAsync(int port, params string[] headers)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var webSocket = new RawWebSocket(socket);
        try
        {
            await webSocket._stream.WriteAsync(Encoding.ASCII.GetBytes(RawHttp.Upgrade(port, extra: headers)), timeout.Token);

            // A byte at a time: the server's first frame may follow its answer at once.
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                await webSocket._stream.ReadExactlyAsync(one, timeout.Token);
                head.Append((char)one[0]);
            }

            webSocket.Answer = head.ToString()[..^4];
            return webSocket;
        }
        catch
        {
            await webSocket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <paramref name="text"/> as one masked binary frame, deflated when <paramref name="deflate"/>.</summary>
    public async Task SendAsync(string text, bool deflate = false)
    {
        var payload = Encoding.ASCII.GetBytes(text);
        if (deflate)
        {
            payload = Deflate(payload);
        }

        var header = new List<byte> { (byte)(0x80 | (deflate ? 0x40 : 0) | 0x2) };
        if (payload.Length < 126)
        {
            header.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            header.Add(0x80 | 126);
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }

        byte[] mask = [0x12, 0x34, 0x56, 0x78];
        header.AddRange(mask);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= mask[i % 4];
        }

        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        await _stream.WriteAsync(header.Concat(payload).ToArray(), timeout.Token);
    }

    /// <summary>The next frame: its first byte (FIN, RSV1 for compressed, opcode) and payload as sent; null when the server closed.</summary>
    public async Task<(byte First, byte[] Payload)?> ReadFrameAsync()
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        var header = new byte[2];
        try
        {
            await _stream.ReadExactlyAsync(header, timeout.Token);
        }
        catch (EndOfStreamException)
        {
            return null;
        }

        Assert.Equal(0, header[1] & 0x80);
        long length = header[1] & 0x7F;
        if (length >= 126)
        {
            var extended = new byte[length == 126 ? 2 : 8];
            await _stream.ReadExactlyAsync(extended, timeout.Token);
            length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : (long)BinaryPrimitives.ReadUInt64BigEndian(extended);
        }

        var payload = new byte[length];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        return (header[0], payload);
    }

    /// <summary>
    /// Reads data frames until their text holds <paramref name="expected"/>, inflating compressed ones;
    /// returns the text and how many frames came compressed.
    /// </summary>
    public async Task<(string Text, int Compressed)> ReadUntilAsync(string expected)
    {
        var text = new StringBuilder();
        var compressed = 0;
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var frame = await ReadFrameAsync() ?? throw new EndOfStreamException($"closed before \"{expected}\"; read \"{text}\"");
            Assert.Equal(0x2, frame.First & 0x0F);
            var payload = frame.Payload;
            if ((frame.First & 0x40) != 0)
            {
                compressed++;
                payload = Inflate(payload);
            }

            text.Append(Encoding.ASCII.GetString(payload));
        }

        return (text.ToString(), compressed);
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    // RFC 7692, 7.2.1: deflate, flush, and leave off the flush's closing 00 00 ff ff.
    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using var deflater = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true);
        deflater.Write(data);
        deflater.Flush();
        var deflated = output.ToArray();
        Assert.Equal(new byte[] { 0, 0, 0xff, 0xff }, deflated[^4..]);
        return deflated[..^4];
    }

    // RFC 7692, 7.2.2: the 00 00 ff ff goes back on before inflating.
    private static byte[] Inflate(byte[] message)
    {
        using var inflater = new DeflateStream(new MemoryStream([.. message, 0x00, 0x00, 0xff, 0xff]), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }
}
