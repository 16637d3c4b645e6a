using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// The bytes side of a connection: its stream (plain, or TLS after a handshake), one receive loop
/// that hands whole reads to the session, one send loop that drains the outbound buffer, the write
/// deadline's clock and an orderly close. It knows nothing of NATS; what the bytes mean is the
/// <see cref="ITransportSession"/>'s. Over a socket in the server, over any stream in a test.
/// </summary>
internal sealed partial class Transport
{
    // Beyond this much queued output a publisher feeding the connection is paused: keeps a Pi's
    // memory flat under load. Lower max_pending settings pull it down (see StallThreshold).
    private const long MaxStallThreshold = 1024 * 1024;

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ServerLog _log;
    private ITransportSession? _session;

    // Kept for an abort: shutting a socket down wakes a read blocked on it, even under TLS.
    private Socket? _socket;
    private int _closeState;

    // The WebSocket framing under whatever runs on it, for the close frame at the end.
    private readonly WebSockets.WebSocketFrameStream? _webSocket;

    public Transport(Stream stream, IPEndPoint remoteEndPoint, IServerContext server)
    {
        Stream = stream;
        _webSocket = stream as WebSockets.WebSocketFrameStream;
        RemoteEndPoint = remoteEndPoint;
        _log = server.Log;
        Outbound = new OutboundBuffer(server.Chunks);
        StallThreshold = Math.Min(MaxStallThreshold, server.Options.MaxPending / 4 * 3);
    }

    /// <summary>A transport over an accepted or dialled socket, which it owns from now on.</summary>
    public static Transport Over(Socket socket, IServerContext server) => Over(socket, new NetworkStream(socket, ownsSocket: true), server);

    /// <summary>A transport over <paramref name="stream"/>, set up on <paramref name="socket"/> already (an upgraded WebSocket); it owns both from now on.</summary>
    public static Transport Over(Socket socket, Stream stream, IServerContext server)
    {
        var remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        if (remote.Address.IsIPv4MappedToIPv6)
        {
            remote = new IPEndPoint(remote.Address.MapToIPv4(), remote.Port);
        }

        return new Transport(stream, remote, server) { _socket = socket };
    }

    public IPEndPoint RemoteEndPoint { get; }

    public OutboundBuffer Outbound { get; }

    /// <summary>
    /// Queued output past which a publisher feeding this connection is paused briefly, as
    /// nats-server's fast-producer stall does, so one slow reader cannot make the server buffer (and
    /// allocate) its way to max_pending: 1 MiB, or 75 % of max_pending when that is smaller, which is
    /// where nats-server starts stalling, so a reader that merely lags is slowed down, not cut off.
    /// </summary>
    public long StallThreshold { get; }

    /// <summary>True from the moment a close begins; nothing more is delivered.</summary>
    public bool IsClosing => Volatile.Read(ref _closeState) != 0;

    /// <summary>Completes when both loops have ended and the session has been told.</summary>
    public Task Closed => _closed.Task;

    public CloseReason? Reason { get; private set; }

    /// <summary>The TLS session once the handshake is done; null on a plain connection.</summary>
    public SslStream? TlsStream { get; private set; }

    /// <summary>What the loops read and write: the socket's stream, TLS over it, or compression over either.</summary>
    public Stream CurrentStream => Stream;

    /// <summary>
    /// Whether the bytes travel in WebSocket messages: any TLS is the WebSocket's, set up before the
    /// session began, and the peer came through an HTTP upgrade rather than a NATS port. Known when
    /// the transport is made, so compression set up over the WebSocket later does not change it.
    /// </summary>
    public bool IsWebSocket => _webSocket is not null;

    /// <summary>The certificate the peer presented in the TLS handshake, if any.</summary>
    public X509Certificate2? RemoteCertificate => TlsStream?.RemoteCertificate as X509Certificate2;

    private Stream Stream { get; set; }

    /// <summary>Runs the loops for <paramref name="session"/> until the connection closes, after a TLS handshake when <paramref name="tls"/> is given.</summary>
    public void Start(ITransportSession session, ServerTls? tls)
    {
        _session = session;
        _ = RunAsync(session, tls);
    }

    /// <summary>
    /// Begins closing; true for the call that did. With <paramref name="flush"/> what is already
    /// queued (an -ERR, say) is sent first; without it the stream goes at once, as for a slow
    /// consumer nobody should wait for.
    /// </summary>
    public bool Close(CloseReason reason, bool flush)
    {
        if (Interlocked.CompareExchange(ref _closeState, 1, 0) != 0)
        {
            return false;
        }

        Reason = reason;
        if (!flush)
        {
            Outbound.Discard();
            Abort();
        }

        WakeSender();
        return true;
    }

    /// <summary>
    /// Switches to a stream set up before the loops run: a TLS session this server opened as a client,
    /// or compression over the socket or that session (<paramref name="tls"/> then names the session).
    /// </summary>
    public void UseStream(Stream stream, SslStream? tls)
    {
        Stream = stream;
        TlsStream = tls;
    }

    /// <summary>
    /// Whether the peer sends anything within <paramref name="wait"/>, before the loops run; nothing
    /// is read. A closed or failing socket counts as speaking: what reads next finds out.
    /// </summary>
    public async Task<bool> ReceivesWithinAsync(TimeSpan wait)
    {
        if (_socket is not { } socket)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(wait);
        try
        {
            // A zero-byte receive completes when data is there, and takes none of it.
            await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>Writes straight to the stream, before the loops run (the INFO ahead of a TLS handshake).</summary>
    public void SendBeforeStart(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Stream.Write(bytes);
        }
        catch (IOException)
        {
            // The peer is gone already; nothing to tell it.
        }
    }

    private async Task RunAsync(ITransportSession session, ServerTls? tls)
    {
        if ((tls is null || await TryUpgradeToTlsAsync(tls).ConfigureAwait(false)) && await TryPrologueAsync(session).ConfigureAwait(false))
        {
            var sending = SendLoopAsync();
            await ReceiveLoopAsync(session).ConfigureAwait(false);
            Close(Reason ?? CloseReason.ClientClosed, flush: true);
            await sending.ConfigureAwait(false);
        }
        else
        {
            Close(Reason ?? CloseReason.TlsHandshakeError, flush: false);
        }

        Outbound.Discard();
        await Stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            session.OnTransportClosed();
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    // What the session does on the stream before the loops run (a hub agreeing on compression with a
    // leaf); it may hand back another stream to run on. A failure closes the connection.
    private async Task<bool> TryPrologueAsync(ITransportSession session)
    {
        try
        {
            Stream = await session.BeginAsync(Stream).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or InvalidDataException)
        {
            Reason ??= CloseReason.ReadError;
            _log.Debug($"{_session} - closed before its link was set up: {ex.Message}");
            return false;
        }
    }

    // The INFO went out in plain text; everything after it travels inside TLS.
    private async Task<bool> TryUpgradeToTlsAsync(ServerTls tls)
    {
        var (ssl, error) = await tls.AcceptAsync(Stream).ConfigureAwait(false);
        if (ssl is null)
        {
            Reason = CloseReason.TlsHandshakeError;
            if (error is not null)
            {
                _log.Error($"{_session} - TLS handshake error: {error}");
            }

            return false;
        }

        Stream = ssl;
        TlsStream = ssl;
        return true;
    }

    private void Abort()
    {
        try
        {
            if (_socket is { } socket)
            {
                socket.Shutdown(SocketShutdown.Both);
                socket.Close();
            }
            else
            {
                Stream.Dispose();
            }
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to shut.
        }
        catch (ObjectDisposedException)
        {
            // Closed concurrently by the other loop.
        }
    }
}
