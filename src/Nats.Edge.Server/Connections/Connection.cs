using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// A session: one connection's protocol on top of its <see cref="Transport"/>. What every kind
/// (client, leafnode link, route) shares is here: closing with nats-server's errors, the slow
/// consumer rules, pings and their round trip, and leaving the server's tables once closed. The
/// server is reached only through <see cref="IServerContext"/>.
/// </summary>
internal abstract partial class Connection : ISubscriber, ITransportSession, IControlOpHandler
{
    protected Connection(IServerContext server, Transport transport, ulong id)
    {
        Server = server;
        Transport = transport;
        Id = id;
        Started = Stopwatch.GetTimestamp();
        Batch = new DeliveryBatch(this);
    }

    public IServerContext Server { get; }

    public Transport Transport { get; }

    /// <inheritdoc cref="Transport.StallThreshold"/>
    public long StallThreshold => Transport.StallThreshold;

    public ulong Id { get; }

    public IPEndPoint RemoteEndPoint => Transport.RemoteEndPoint;

    public OutboundBuffer Outbound => Transport.Outbound;

    /// <summary>Used by <see cref="DeliveryBatch"/> to add a connection to a batch only once.</summary>
    public long LastBatchId { get; set; }

    /// <summary>True from the moment a close begins; nothing more is delivered.</summary>
    public bool IsClosing => Transport.IsClosing;

    /// <summary>Completes when both loops have ended and the connection is cleaned up.</summary>
    public Task Closed => Transport.Closed;

    public CloseReason? Reason => Transport.Reason;

    /// <summary>Stopwatch time of the accept (or dial).</summary>
    public long Started { get; }

    /// <summary>The receive loop's batch: connections written to while parsing the current read.</summary>
    protected DeliveryBatch Batch { get; }

    /// <summary>Time of the last read that brought data, for the ping timer.</summary>
    protected long LastReceived => Transport.LastReceived;

    /// <summary>The certificate the peer presented in the TLS handshake, if any.</summary>
    protected X509Certificate2? ClientCertificate => Transport.RemoteCertificate;

    /// <summary>Runs the connection until it closes, after a TLS handshake when <paramref name="tls"/> is given.</summary>
    public void Start(ServerTls? tls = null) => Transport.Start(this, tls);

    /// <inheritdoc cref="Transport.Close"/>
    public void Close(CloseReason reason, bool flush = true)
    {
        if (Transport.Close(reason, flush) && reason is CloseReason.SlowConsumerPendingBytes or CloseReason.SlowConsumerWriteDeadline)
        {
            Server.CountSlowConsumer();
        }
    }

    /// <summary>Wakes the send loop; cheap when it is already awake.</summary>
    public void SignalSend() => Transport.SignalSend();

    /// <inheritdoc cref="Transport.WaitForDrainAsync"/>
    public ValueTask WaitForDrainAsync(DrainWaiter waiter, TimeSpan limit) => Transport.WaitForDrainAsync(waiter, limit);

    /// <summary>Housekeeping driven by the server's timer: pings, auth timeout, write deadline.</summary>
    public virtual void OnTick(long now)
    {
        if (Transport.IsWriteStalled(now, Server.Options.WriteDeadline))
        {
            Server.Log.Debug($"{this} - Slow Consumer Detected: WriteDeadline of {Server.Options.WriteDeadline} exceeded");
            Close(CloseReason.SlowConsumerWriteDeadline, flush: false);
        }
    }

    /// <summary>
    /// Closes for a broken stream as nats-server's parser does for every kind of connection: the
    /// -ERR that names what was exceeded or not understood, or a silent close for malformed arguments.
    /// The reason is nats-server's too: its read loop closes on any parser error as a protocol
    /// violation, which a WebSocket peer reads in the close frame.
    /// </summary>
    protected void CloseForProtocolError(ProtocolError error)
    {
        switch (error)
        {
            case ProtocolError.UnknownOperation:
                CloseWithError(ProtocolErrors.UnknownOperation, CloseReason.ProtocolViolation);
                break;
            case ProtocolError.MaxControlLineExceeded:
                CloseWithError(ProtocolErrors.MaxControlLineExceeded, CloseReason.MaxControlLineExceeded);
                break;
            case ProtocolError.MaxPayloadExceeded:
                CloseWithError(ProtocolErrors.MaxPayloadViolation, CloseReason.MaxPayloadExceeded);
                break;
            default:
                Close(CloseReason.ProtocolViolation);
                break;
        }
    }

    /// <summary>-ERR then close once it is sent: the nats-server order for every closing error.</summary>
    protected void CloseWithError(ReadOnlySpan<byte> error, CloseReason reason)
    {
        TraceReply(error);
        Outbound.Append(error);
        Close(reason);
    }

    /// <summary>Queues a protocol line of this connection's own (PONG, +OK, -ERR) and sends it with the batch.</summary>
    public void Enqueue(ReadOnlySpan<byte> line, DeliveryBatch batch)
    {
        TraceReply(line);
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

    /// <summary>Whether this connection's protocol is traced: a client's, when the log traces (<c>-V</c>).</summary>
    public bool Tracing => TracesProtocol && Server.Log.IsEnabled(Logging.LogLevel.Trace);

    /// <summary>Clients are traced; links are not yet. A field, not a virtual call: it is read per operation.</summary>
    protected bool TracesProtocol { get; init; }

    private void TraceReply(ReadOnlySpan<byte> line)
    {
        if (Tracing)
        {
            Logging.ProtocolTrace.Reply(Server.Log, this, line);
        }
    }

    /// <summary>The cache in front of the account's subjects this connection publishes into; null before a leaf logs in.</summary>
    public abstract MatchCache? Matches { get; }

    /// <summary>What this connection is to the server: a client unless a link says otherwise.</summary>
    public virtual LinkRole Role => LinkRole.Local;

    /// <summary>Writes one delivery for <paramref name="subscription"/> in this connection's dialect.</summary>
    public abstract bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch);

    /// <summary>Drops one of this connection's subscriptions; safe from any thread.</summary>
    public abstract void RemoveSubscription(Subscription subscription);

    /// <summary>CONNECT: who the peer is and what it wants, as JSON.</summary>
    public abstract void OnConnect(ReadOnlySpan<byte> json);

    /// <summary>INFO from the peer.</summary>
    public abstract void OnInfo(ReadOnlySpan<byte> json);

    /// <summary>-ERR from the peer.</summary>
    public abstract void OnErr(ReadOnlySpan<byte> text);

    /// <summary>A broken stream: closes as nats-server's parser does, unless the dialect says otherwise.</summary>
    public virtual void OnProtocolError(ProtocolError error) => CloseForProtocolError(error);

    /// <summary>Called once after both loops ended: drop subscriptions, leave the server's tables.</summary>
    protected abstract void OnClosed();

    public abstract bool ProcessReceived(ref ReadOnlySequence<byte> buffer);

    /// <inheritdoc/>
    public Transport? EndRead() => Batch.Flush()?.Transport;

    /// <summary>Leaves the server's tables and drops what the connection held.</summary>
    public void OnTransportClosed()
    {
        Server.Connections.Remove(this);
        if (Matches is { } matches)
        {
            matches.Index.Retire(matches);
        }

        OnClosed();
    }

    /// <summary>Switches to a stream set up before the loops run: a TLS session this server opened as a client.</summary>
    protected void UseStream(Stream stream, System.Net.Security.SslStream? tls = null) => Transport.UseStream(stream, tls ?? stream as System.Net.Security.SslStream);

    /// <summary>Writes straight to the peer, before the loops run (the INFO ahead of a TLS handshake).</summary>
    private void SendBeforeStart(ReadOnlySpan<byte> bytes) => Transport.SendBeforeStart(bytes);

    /// <summary>
    /// Runs a connection accepted on a TLS port: <paramref name="info"/> in plain text and the handshake
    /// after it, or with <c>handshake_first</c> the handshake first and the INFO inside it. With a
    /// fallback, a peer that has sent nothing by then waits for INFO, as clients older than
    /// nats-server 2.10 do, and is served that way.
    /// </summary>
    protected void StartWithTls(ServerTls tls, byte[] info)
    {
        if (!tls.Options.HandshakeFirst)
        {
            StartAfterInfo(tls, info);
        }
        else if (tls.Options.HandshakeFirstFallback is { } fallback)
        {
            _ = StartWhenPeerSpeaksAsync(tls, info, fallback);
        }
        else
        {
            StartWithHandshake(tls, info);
        }
    }

    private async Task StartWhenPeerSpeaksAsync(ServerTls tls, byte[] info, TimeSpan fallback)
    {
        if (await Transport.ReceivesWithinAsync(fallback).ConfigureAwait(false))
        {
            StartWithHandshake(tls, info);
        }
        else
        {
            StartAfterInfo(tls, info);
        }
    }

    /// <inheritdoc />
    public virtual ValueTask<Stream> BeginAsync(Stream stream) => ValueTask.FromResult(stream);

    // INFO precedes the handshake, so it cannot wait for the (TLS) send loop.
    private void StartAfterInfo(ServerTls tls, byte[] info)
    {
        SendBeforeStart(info);
        Start(tls);
    }

    // Queued, INFO goes out through the send loop, which starts once the handshake is done.
    private void StartWithHandshake(ServerTls tls, byte[] info)
    {
        Outbound.Append(info);
        SignalSend();
        Start(tls);
    }
}
