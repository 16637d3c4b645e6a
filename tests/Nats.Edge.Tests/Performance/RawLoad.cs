using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nats.Edge.Tests.Performance;

/// <summary>
/// Raw-socket publisher and subscriber that allocate nothing while they run: pre-built PUB buffers
/// and one reused receive buffer, on plain threads with blocking socket calls. Whatever the process
/// allocates during a run is therefore the server's.
/// </summary>
public sealed class RawLoad : IDisposable
{
    private readonly Socket _publisher;
    private readonly Socket _subscriber;
    private readonly byte[] _batch;
    private readonly int _messagesPerBatch;
    private readonly byte[] _receiveBuffer = new byte[256 * 1024];

    private RawLoad(Socket publisher, Socket subscriber, byte[] batch, int messagesPerBatch, int frameLength)
    {
        _publisher = publisher;
        _subscriber = subscriber;
        _batch = batch;
        _messagesPerBatch = messagesPerBatch;
        FrameLength = frameLength;
    }

    /// <summary>Bytes of one delivered <c>MSG</c> frame.</summary>
    public int FrameLength { get; }

    /// <summary>
    /// Connects a subscriber on <paramref name="subject"/> and a publisher; both log in with
    /// <paramref name="credentials"/> (extra CONNECT fields such as <c>"user":"u","pass":"p"</c>) if given.
    /// With <paramref name="subscriberServer"/> the subscriber sits on that other server (across a leafnode link).
    /// </summary>
    public static RawLoad Connect(IPEndPoint server, string subject, int payloadSize, string? credentials = null, IPEndPoint? subscriberServer = null)
    {
        var connect = credentials is null
            ? "CONNECT {\"verbose\":false,\"pedantic\":false}\r\n"
            : $"CONNECT {{\"verbose\":false,\"pedantic\":false,{credentials}}}\r\n";
        var subscriber = Open(subscriberServer ?? server);
        Handshake(subscriber, $"{connect}SUB {subject} 1\r\nPING\r\n");
        var publisher = Open(server);
        Handshake(publisher, $"{connect}PING\r\n");

        var payload = new string('x', payloadSize);
        var pub = Encoding.ASCII.GetBytes($"PUB {subject} {payloadSize}\r\n{payload}\r\n");
        var messagesPerBatch = Math.Max(1, 64 * 1024 / pub.Length);
        var batch = new byte[pub.Length * messagesPerBatch];
        for (var i = 0; i < messagesPerBatch; i++)
        {
            pub.CopyTo(batch, i * pub.Length);
        }

        var frame = Encoding.ASCII.GetByteCount($"MSG {subject} 1 {payloadSize}\r\n{payload}\r\n");
        return new RawLoad(publisher, subscriber, batch, messagesPerBatch, frame);
    }

    /// <summary>Publishes about <paramref name="messages"/> (whole batches) and waits until all were delivered.</summary>
    public long Run(long messages)
    {
        var batches = (messages + _messagesPerBatch - 1) / _messagesPerBatch;
        var sent = batches * _messagesPerBatch;
        var expected = sent * FrameLength;
        var publisher = new Thread(() =>
        {
            for (var i = 0; i < batches; i++)
            {
                _publisher.Send(_batch);
            }
        });
        publisher.Start();

        long received = 0;
        while (received < expected)
        {
            var read = _subscriber.Receive(_receiveBuffer);
            if (read == 0)
            {
                throw new InvalidOperationException($"subscriber closed after {received} of {expected} bytes");
            }

            received += read;
        }

        publisher.Join();
        return sent;
    }

    public void Dispose()
    {
        _publisher.Dispose();
        _subscriber.Dispose();
    }

    private static Socket Open(IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 30_000 };
        socket.Connect(server);
        return socket;
    }

    // Sends the opening lines and reads until the PONG, so the INFO and PONG are not counted later.
    private static void Handshake(Socket socket, string lines)
    {
        socket.Send(Encoding.ASCII.GetBytes(lines));
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().EndsWith("PONG\r\n", StringComparison.Ordinal))
        {
            var read = socket.Receive(buffer);
            if (read == 0)
            {
                throw new InvalidOperationException("server closed during handshake: " + seen);
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }
}
