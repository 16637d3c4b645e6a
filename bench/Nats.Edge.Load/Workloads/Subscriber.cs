using System.Diagnostics;
using System.Text;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>One subscribing connection that counts the MSG frames it receives.</summary>
internal sealed class Subscriber : Worker, IDeliveryCount
{
    private readonly NatsSocket _socket;
    private long _count;
    private long _lastArrival;

    // SUB <subject> [queue] <sid>␍␊.
    public Subscriber(NatsEndpoint endpoint, string subject, string? queue, TimeSpan timeout)
        : base("nats-edge-load sub")
    {
        string sub = queue is null ? $"SUB {subject} 1\r\n" : $"SUB {subject} {queue} 1\r\n";
        _socket = NatsSocket.Open(endpoint, "nats-edge-load sub", Encoding.ASCII.GetBytes(sub), timeout);
        _socket.SetReceiveTimeout(PollInterval);
    }

    /// <summary>Messages counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Stopwatch timestamp of the read that brought the last counted message.</summary>
    public long LastArrival => Interlocked.Read(ref _lastArrival);

    public override void Dispose() => _socket.Dispose();

    protected override void Loop()
    {
        var sink = new CountingSink();
        while (!Stopping)
        {
            if (!_socket.Receive(ref sink))
            {
                continue;
            }

            if (sink.Pings > 0)
            {
                _socket.SendPongs(sink.Pings);
                sink.Pings = 0;
            }

            if (sink.Messages != _count)
            {
                // Arrival first: whoever sees the final count must also see its time.
                Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
                Interlocked.Exchange(ref _count, sink.Messages);
            }
        }
    }
}
