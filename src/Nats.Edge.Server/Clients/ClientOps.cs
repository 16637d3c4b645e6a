namespace Nats.Edge.Server.Clients;

/// <summary>
/// The client connection as the reader's handler: a struct, so <see cref="ClientReader"/> is compiled
/// for it alone and calls the connection directly, with no interface dispatch per operation.
/// </summary>
internal readonly struct ClientOps(ClientConnection connection) : IClientOpHandler
{
    public bool IsClosing => connection.IsClosing;

    public bool HeadersEnabled => connection.HeadersEnabled;

    public bool Admit(ClientOp op) => connection.Admit(op);

    public IControlOpHandler Control => connection;

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) => connection.OnSub(subject, queue, sid);

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => connection.OnUnsub(sid, max);

    public void OnPublish(in InboundMessage message) => connection.OnPublish(message);

    public bool Tracing => connection.Tracing;

    public void TraceIn(ClientOp op, ReadOnlySpan<byte> arguments) => Logging.ProtocolTrace.In(connection.Server.Log, connection, op, arguments);
}
