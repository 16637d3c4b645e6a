namespace Nats.Edge.Load.Wire;

/// <summary>Collects the INFO and the PONG that end a connection's setup.</summary>
internal struct HandshakeSink : IFrameSink
{
    public ServerInfo? Info { get; private set; }

    public int Pongs { get; private set; }

    public int Pings { get; set; }

    public void OnInfo(ReadOnlySpan<byte> json) => Info = ServerInfo.Parse(json);

    public readonly void OnMsg(ReadOnlySpan<byte> args, int size)
    {
    }

    public readonly void OnMsgEnd()
    {
    }

    public void OnPing() => Pings++;

    public void OnPong() => Pongs++;
}
