namespace Nats.Edge.Server.Gateways;

/// <summary>The gateway as the reader's handler: a struct, so <see cref="RouteReader"/> calls it directly.</summary>
internal readonly struct GatewayOps(GatewayConnection connection) : IRouteOpHandler
{
    public bool IsClosing => connection.IsClosing;

    public bool Admit(ClientOp op) => connection.Admit(op);

    public IControlOpHandler Control => connection;

    public void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) =>
        connection.OnInterest(account, subject, queue, interested: true);

    public void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        connection.OnInterest(account, subject, queue, interested: false);

    public void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        connection.OnGatewayMessage(account, message, queues, queueForm);

    public void OnAccountInterest(ReadOnlySpan<byte> account, bool interested) => connection.OnAccountInterest(account, interested);
}
