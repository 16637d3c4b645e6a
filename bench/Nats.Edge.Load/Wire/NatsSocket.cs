using System.Diagnostics;
using System.Net.Sockets;

namespace Nats.Edge.Load.Wire;

/// <summary>
/// One blocking client connection: raw socket, a reused receive buffer and a <see cref="FrameScanner"/>.
/// Each connection is driven by a single thread.
/// </summary>
internal sealed class NatsSocket : IDisposable
{
    // 256 KiB: one receive call then carries thousands of small MSG frames, so the syscall cost per
    // counted message stays far below the server's cost per delivered one.
    private const int ReceiveBufferSize = 256 * 1024;

    private static ReadOnlySpan<byte> Ping => "PING\r\n"u8;

    private static ReadOnlySpan<byte> Pong => "PONG\r\n"u8;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[ReceiveBufferSize];
    private FrameScanner _scanner = new();

    private NatsSocket(Socket socket) => _socket = socket;

    public ServerInfo Info { get; private set; } = null!;

    /// <summary>
    /// Connects, reads INFO, sends CONNECT then <paramref name="setup"/> (SUB lines) and a PING, and
    /// returns once the PONG proves the server has processed all of it.
    /// </summary>
    public static NatsSocket Open(NatsEndpoint endpoint, string name, ReadOnlySpan<byte> setup, TimeSpan timeout)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new NatsSocket(socket);
        try
        {
            using (var cts = new CancellationTokenSource(timeout))
            {
                socket.ConnectAsync(endpoint.Host, endpoint.Port, cts.Token).AsTask().GetAwaiter().GetResult();
            }

            socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            socket.SendTimeout = (int)timeout.TotalMilliseconds;
            var sink = new HandshakeSink();
            connection.ReadUntil(ref sink, timeout, "INFO", static (in HandshakeSink s) => s.Info is not null);
            connection.Info = sink.Info!;
            if (connection.Info.TlsRequired)
            {
                throw new NotSupportedException("the server requires TLS; nats-edge-load speaks plain TCP only");
            }

            // One write: a server that rejects the CONNECT answers -ERR and closes, and that -ERR is
            // then read below instead of a later send failing with a bare broken pipe.
            connection.Send([.. ConnectLine.Build(endpoint, name), .. setup, .. Ping]);
            sink = new HandshakeSink();
            connection.ReadUntil(ref sink, timeout, "PONG", static (in HandshakeSink s) => s.Pongs > 0);
            return connection;
        }
        catch (SocketException e)
        {
            connection.Dispose();
            throw new IOException($"{endpoint}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sends every byte of <paramref name="data"/>, blocking while the socket is full.</summary>
    public void Send(ReadOnlySpan<byte> data)
    {
        // Bounded: every pass sends at least one byte or throws on the send timeout.
        while (!data.IsEmpty)
        {
            data = data[_socket.Send(data)..];
        }
    }

    /// <summary>
    /// One receive call, scanned into <paramref name="sink"/>. False when nothing came within the
    /// socket's receive timeout.
    /// </summary>
    public bool Receive<TSink>(ref TSink sink)
        where TSink : struct, IFrameSink
    {
        int read;
        try
        {
            read = _socket.Receive(_buffer);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return false;
        }

        if (read == 0)
        {
            ThrowHelper.Closed();
        }

        _scanner.Scan(_buffer.AsSpan(0, read), ref sink);
        return true;
    }

    /// <summary>
    /// PING, then read until its PONG: everything sent before has been processed by the server (a
    /// server answers PINGs in order). MSGs read meanwhile are dropped, so call it only where none are
    /// expected.
    /// </summary>
    public void PingPong(TimeSpan timeout)
    {
        Send(Ping);
        var sink = new HandshakeSink();
        ReadUntil(ref sink, timeout, "PONG", static (in HandshakeSink s) => s.Pongs > 0);
    }

    /// <summary>Answers PINGs the server sent: a server closes a client that leaves them unanswered.</summary>
    public void SendPongs(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Send(Pong);
        }
    }

    /// <summary>Sets how long <see cref="Receive"/> waits before returning false.</summary>
    public void SetReceiveTimeout(TimeSpan timeout) => _socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;

    public void Dispose() => _socket.Dispose();

    private delegate bool Done(in HandshakeSink sink);

    private void ReadUntil(ref HandshakeSink sink, TimeSpan timeout, string what, Done done)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!done(sink))
        {
            if (!Receive(ref sink) || Stopwatch.GetTimestamp() > deadline)
            {
                ThrowHelper.TimedOut(what);
            }

            SendPongs(sink.Pings);
            sink.Pings = 0;
        }
    }
}
