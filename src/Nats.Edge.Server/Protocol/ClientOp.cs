namespace Nats.Edge.Server.Protocol;

/// <summary>The operations a client may send (spec/client-protocol.md §1.3).</summary>
internal enum ClientOp
{
    Connect,
    Pub,
    HPub,
    Sub,
    Unsub,
    Ping,
    Pong,
    Info,
    Ok,
    Err,
}
