namespace Nats.Edge.Server.Leafnodes;

/// <summary>The leafnode link as the reader's handler: a struct, so <see cref="LeafReader"/> calls it directly.</summary>
internal readonly struct LeafOps(LeafConnection connection) : ILeafOpHandler
{
    public bool IsClosing => connection.IsClosing;

    public bool Admit(ClientOp op) => connection.Admit(op);

    public IControlOpHandler Control => connection;

    public void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) => connection.OnLeafSub(subject, queue, weight);

    public void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) => connection.OnLeafUnsub(subject, queue);

    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        connection.OnLeafMessage(message, queues, queueForm);
}
