using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>The leafnode link as the reader's handler: a struct, so <see cref="LeafReader"/> calls it directly.</summary>
internal readonly struct LeafOps(LeafConnection connection) : ILeafOpHandler
{
    public bool IsClosing => connection.IsClosing;

    public bool Admit(ClientOp op) => connection.Admit(op);

    public void OnConnect(ReadOnlySpan<byte> json) => connection.OnConnect(json);

    public void OnInfo(ReadOnlySpan<byte> json) => connection.OnInfo(json);

    public void OnPing() => connection.OnPing();

    public void OnPong() => connection.OnPong();

    public void OnErr(ReadOnlySpan<byte> text) => connection.OnErr(text);

    public void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) => connection.OnLeafSub(subject, queue, weight);

    public void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) => connection.OnLeafUnsub(subject, queue);

    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        connection.OnLeafMessage(message, queues, queueForm);

    public void OnProtocolError(ProtocolError error) => connection.OnProtocolError(error);
}
