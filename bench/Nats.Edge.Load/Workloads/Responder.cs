using System.Text;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>The service side of request-reply: one connection answering every request on a subject.</summary>
internal sealed class Responder : Worker
{
    private readonly NatsSocket _socket;
    private readonly int _size;

    public Responder(NatsEndpoint endpoint, string subject, int size, TimeSpan timeout)
        : base("nats-edge-load responder")
    {
        _socket = NatsSocket.Open(endpoint, "nats-edge-load responder", Encoding.ASCII.GetBytes($"SUB {subject} 1\r\n"), timeout);
        _socket.SetReceiveTimeout(PollInterval);
        _size = size;
    }

    public override void Dispose() => _socket.Dispose();

    protected override void Loop()
    {
        var sink = new ResponderSink(_socket, _size);
        while (!Stopping)
        {
            if (_socket.Receive(ref sink) && sink.Pings > 0)
            {
                _socket.SendPongs(sink.Pings);
                sink.Pings = 0;
            }
        }
    }
}
