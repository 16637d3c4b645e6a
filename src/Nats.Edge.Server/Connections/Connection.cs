using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// What every connection kind shares: the socket, one receive loop that parses whole reads, one send
/// loop that drains the outbound buffer, and an orderly close. Protocol handling is the subclass's.
/// </summary>
internal abstract partial class Connection : ISubscriber
{
    // Beyond this much queued output a publisher feeding the connection is paused: keeps a Pi's
    // memory flat under load. Lower max_pending settings pull it down (see StallThreshold).
    private const long MaxStallThreshold = 1024 * 1024;

    // nats-server pauses a producer at most about 10 ms per read.
    private static readonly TimeSpan MaxStall = TimeSpan.FromMilliseconds(10);

    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closeState;

    protected Connection(NatsServer server, Socket socket, ulong id)
    {
        Server = server;
        Socket = socket;
        Id = id;
        Stream = new NetworkStream(socket, ownsSocket: true);
        var remote = socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.None, 0);
        RemoteEndPoint = remote.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(remote.Address.MapToIPv4(), remote.Port) : remote;
        Started = Stopwatch.GetTimestamp();
        Outbound = new OutboundBuffer(server.Chunks);
        Batch = new DeliveryBatch(this);
        StallThreshold = Math.Min(MaxStallThreshold, server.Options.MaxPending / 4 * 3);
    }

    public NatsServer Server { get; }

    /// <summary>
    /// Queued output past which a publisher feeding this connection is paused briefly, as
    /// nats-server's fast-producer stall does, so one slow reader cannot make the server buffer (and
    /// allocate) its way to max_pending: 1 MiB, or 75 % of max_pending when that is smaller, which is
    /// where nats-server starts stalling, so a reader that merely lags is slowed down, not cut off.
    /// </summary>
    public long StallThreshold { get; }

    public ulong Id { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public OutboundBuffer Outbound { get; }

    /// <summary>Used by <see cref="DeliveryBatch"/> to add a connection to a batch only once.</summary>
    public long LastBatchId { get; set; }

    /// <summary>True from the moment a close begins; nothing more is delivered.</summary>
    public bool IsClosing => Volatile.Read(ref _closeState) != 0;

    /// <summary>Completes when both loops have ended and the connection is cleaned up.</summary>
    public Task Closed => _closed.Task;

    public CloseReason? Reason { get; private set; }

    protected Socket Socket { get; }

    protected Stream Stream { get; private set; }

    /// <summary>The certificate the client presented in the TLS handshake, if any.</summary>
    protected X509Certificate2? ClientCertificate => (Stream as SslStream)?.RemoteCertificate as X509Certificate2;

    /// <summary>Stopwatch time of the accept (or dial).</summary>
    public long Started { get; }

    /// <summary>Runs the connection until it closes, after a TLS handshake when <paramref name="tls"/> is given.</summary>
    public void Start(ServerTls? tls = null) => _ = RunAsync(tls);

    /// <summary>
    /// Begins closing. With <paramref name="flush"/> what is already queued (an -ERR, say) is sent
    /// first; without it the socket goes at once, as for a slow consumer nobody should wait for.
    /// </summary>
    public void Close(CloseReason reason, bool flush = true)
    {
        if (Interlocked.CompareExchange(ref _closeState, 1, 0) != 0)
        {
            return;
        }

        Reason = reason;
        if (reason is CloseReason.SlowConsumerPendingBytes or CloseReason.SlowConsumerWriteDeadline)
        {
            Server.CountSlowConsumer();
        }

        if (!flush)
        {
            Outbound.Discard();
            AbortSocket();
        }

        WakeSender();
    }

    /// <summary>Housekeeping driven by the server's timer: pings, auth timeout, write deadline.</summary>
    public virtual void OnTick(long now)
    {
        var writeStarted = Volatile.Read(ref _writeStarted);
        if (writeStarted != 0 && Stopwatch.GetElapsedTime(writeStarted, now) > Server.Options.WriteDeadline)
        {
            Server.Log.Debug($"{this} - Slow Consumer Detected: WriteDeadline of {Server.Options.WriteDeadline} exceeded");
            Close(CloseReason.SlowConsumerWriteDeadline, flush: false);
        }
    }

    /// <summary>
    /// Closes for a broken stream as nats-server's parser does for every kind of connection: the
    /// -ERR that names what was exceeded or not understood, or a silent close for malformed arguments.
    /// </summary>
    protected void CloseForProtocolError(ProtocolError error)
    {
        switch (error)
        {
            case ProtocolError.UnknownOperation:
                CloseWithError(ProtocolErrors.UnknownOperation, CloseReason.ParseError);
                break;
            case ProtocolError.MaxControlLineExceeded:
                CloseWithError(ProtocolErrors.MaxControlLineExceeded, CloseReason.MaxControlLineExceeded);
                break;
            case ProtocolError.MaxPayloadExceeded:
                CloseWithError(ProtocolErrors.MaxPayloadViolation, CloseReason.MaxPayloadExceeded);
                break;
            default:
                Close(CloseReason.ParseError);
                break;
        }
    }

    /// <summary>-ERR then close once it is sent: the nats-server order for every closing error.</summary>
    protected void CloseWithError(ReadOnlySpan<byte> error, CloseReason reason)
    {
        Outbound.Append(error);
        Close(reason);
    }

    /// <summary>Queues a protocol line of this connection's own (PONG, +OK, -ERR) and sends it with the batch.</summary>
    public void Enqueue(ReadOnlySpan<byte> line, DeliveryBatch batch)
    {
        Outbound.Append(line);
        batch.Add(this);
    }

    /// <summary>Checks pending output after an append; a slow consumer is cut off, nobody waits for it.</summary>
    public void CheckPending(long pendingBytes)
    {
        if (pendingBytes > Server.Options.MaxPending)
        {
            Server.Log.Debug($"{this} - Slow Consumer Detected: MaxPending of {Server.Options.MaxPending} exceeded");
            Close(CloseReason.SlowConsumerPendingBytes, flush: false);
        }
    }

    public override string ToString() => $"{RemoteEndPoint} - cid:{Id}";

    /// <summary>The cache in front of the account's subjects this connection publishes into; null before a leaf logs in.</summary>
    public abstract MatchCache? Matches { get; }

    /// <summary>What this connection is to the server: a client unless a link says otherwise.</summary>
    public virtual LinkRole Role => LinkRole.Local;

    /// <summary>Writes one delivery for <paramref name="subscription"/> in this connection's dialect.</summary>
    public abstract bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch);

    /// <summary>Drops one of this connection's subscriptions; safe from any thread.</summary>
    public abstract void RemoveSubscription(Subscription subscription);

    /// <summary>Called once after both loops ended: drop subscriptions, leave the server's tables.</summary>
    protected abstract void OnClosed();

    private async Task RunAsync(ServerTls? tls)
    {
        if (tls is null || await TryUpgradeToTlsAsync(tls).ConfigureAwait(false))
        {
            var sending = SendLoopAsync();
            await ReceiveLoopAsync().ConfigureAwait(false);
            Close(Reason ?? CloseReason.ClientClosed);
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
            Server.Connections.Remove(this);
            if (Matches is { } matches)
            {
                matches.Index.Retire(matches);
            }

            OnClosed();
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    // The INFO went out in plain text; everything after it travels inside TLS.
    private async Task<bool> TryUpgradeToTlsAsync(ServerTls tls)
    {
        var ssl = new SslStream(Stream, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(tls.Options.Timeout);
        try
        {
            await ssl.AuthenticateAsServerAsync(tls.Authentication, timeout.Token).ConfigureAwait(false);
            Stream = ssl;
            return true;
        }
        catch (OperationCanceledException)
        {
            // nats-server 2.9.10 closes without a word when the handshake times out, no -ERR first;
            // the reference-backed test checks it.
            Reason = CloseReason.TlsHandshakeError;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException)
        {
            Reason = CloseReason.TlsHandshakeError;
            Server.Log.Error($"{this} - TLS handshake error: {ex.Message}");
        }

        await ssl.DisposeAsync().ConfigureAwait(false);
        return false;
    }

    /// <summary>Switches to a stream set up before the loops run: a TLS session this server opened as a client.</summary>
    protected void UseStream(Stream stream) => Stream = stream;

    /// <summary>Writes straight to the socket, before the loops run (the INFO ahead of a TLS handshake).</summary>
    protected void SendBeforeStart(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Socket.Send(bytes);
        }
        catch (SocketException)
        {
            // The client is gone already; nothing to tell it.
        }
    }

    /// <summary>
    /// The nonce an accepting leafnode or route port puts in its first INFO: 11 secure random bytes
    /// as unpadded base64url, 15 characters.
    /// </summary>
    protected static string NewLinkNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(11));

    private void AbortSocket()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to shut.
        }
        catch (ObjectDisposedException)
        {
            // Closed concurrently by the other loop.
        }

        Socket.Close();
    }
}
