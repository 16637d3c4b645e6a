using Nats.Edge.Server.Protocol;

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

    public void OnConnect(ReadOnlySpan<byte> json) => connection.OnConnect(json);

    public void OnInfo(ReadOnlySpan<byte> json) => connection.OnInfo(json);

    public void OnPing() => connection.OnPing();

    public void OnPong() => connection.OnPong();

    public void OnErr(ReadOnlySpan<byte> text) => connection.OnErr(text);

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) => connection.OnSub(subject, queue, sid);

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => connection.OnUnsub(sid, max);

    public void OnPublish(in InboundMessage message) => connection.OnPublish(message);

    public void OnProtocolError(ProtocolError error) => connection.OnProtocolError(error);
}
