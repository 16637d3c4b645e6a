using System.Diagnostics;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>One publishing connection that sends its share of messages as pre-built batches.</summary>
internal sealed class Publisher : Worker
{
    private readonly NatsSocket _socket;
    private readonly PubBatch _batch;
    private readonly long _messages;
    private readonly ManualResetEventSlim _gate;
    private readonly TimeSpan _timeout;

    public Publisher(NatsEndpoint endpoint, PubBatch batch, long messages, ManualResetEventSlim gate, TimeSpan timeout)
        : base("nats-edge-load pub")
    {
        _socket = NatsSocket.Open(endpoint, "nats-edge-load pub", default, timeout);
        _batch = batch;
        _messages = messages;
        _gate = gate;
        _timeout = timeout;
    }

    /// <summary>The server's INFO, to check the payload size against its max_payload.</summary>
    public ServerInfo Info => _socket.Info;

    /// <summary>Stopwatch timestamp at which the server had processed every message sent.</summary>
    public long FinishedAt { get; private set; }

    public override void Dispose() => _socket.Dispose();

    protected override void Loop()
    {
        if (!_gate.Wait(_timeout))
        {
            ThrowHelper.TimedOut("the start signal");
        }

        // Bounded by the message count; each send blocks at most the socket's send timeout.
        for (long left = _messages; left > 0;)
        {
            int frames = (int)Math.Min(left, _batch.FramesPerBatch);
            _socket.Send(_batch.Frames(frames));
            left -= frames;
        }

        // The PONG comes back only after the server has parsed and routed every PUB before it.
        _socket.PingPong(_timeout);
        FinishedAt = Stopwatch.GetTimestamp();
    }
}
