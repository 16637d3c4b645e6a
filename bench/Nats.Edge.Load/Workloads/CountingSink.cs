using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>Counts complete MSG frames; everything else but PING is ignored.</summary>
internal struct CountingSink : IFrameSink
{
    public long Messages { get; private set; }

    public int Pings { get; set; }

    public readonly void OnInfo(ReadOnlySpan<byte> json)
    {
    }

    public readonly void OnMsg(ReadOnlySpan<byte> args, int size)
    {
    }

    public void OnMsgEnd() => Messages++;

    public void OnPing() => Pings++;

    public readonly void OnPong()
    {
    }
}
