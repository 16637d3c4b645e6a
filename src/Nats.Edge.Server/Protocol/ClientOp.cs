namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The operations a client may send, and those only a leafnode peer sends. A route's RS+, RS- and
/// RMSG are the leaf ops too: only the account in front tells them apart, and a reader reads either
/// dialect, never both. A gateway adds A+ and A-, an account's interest as a whole.
/// </summary>
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
    LeafSub,
    LeafUnsub,
    LeafMsg,
    LeafHMsg,
    AccountSub,
    AccountUnsub,
}
