namespace Nats.Edge.Server.Routes;

/// <summary>The route as the reader's handler: a struct, so <see cref="RouteReader"/> calls it directly.</summary>
internal readonly struct RouteOps(RouteConnection connection) : IRouteOpHandler
{
    public bool IsClosing => connection.IsClosing;

    public bool Admit(ClientOp op) => connection.Admit(op);

    public IControlOpHandler Control => connection;

    public void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) =>
        connection.OnRouteSub(account, subject, queue, weight);

    public void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        connection.OnRouteUnsub(account, subject, queue);

    public void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        connection.OnRouteMessage(account, message, queues, queueForm);
}
