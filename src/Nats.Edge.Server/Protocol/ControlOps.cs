namespace Nats.Edge.Server.Protocol;

/// <summary>The ops every dialect reads alike: CONNECT, INFO, PING, PONG, -ERR and +OK.</summary>
internal static class ControlOps
{
    /// <summary>Hands one of the shared ops to <paramref name="handler"/>; false for any other op.</summary>
    public static bool Handle(ClientOp op, ReadOnlySpan<byte> arguments, IControlOpHandler handler)
    {
        switch (op)
        {
            case ClientOp.Ping:
                handler.OnPing();
                return true;
            case ClientOp.Pong:
                handler.OnPong();
                return true;
            case ClientOp.Connect:
                handler.OnConnect(arguments);
                return true;
            case ClientOp.Info:
                handler.OnInfo(arguments);
                return true;
            case ClientOp.Err:
                handler.OnErr(arguments);
                return true;
            case ClientOp.Ok:
                return true;
            default:
                return false;
        }
    }
}
