namespace Nats.Edge.Server.Protocol;

/// <summary>
/// What <see cref="RouteReader"/> calls for a route's ops: the leafnode ops with the account they
/// belong to in front. Spans are valid only during the call.
/// </summary>
internal interface IRouteOpHandler : IOpHandler
{
    /// <summary><c>RS+ account subject [queue weight]</c>; weight is 0 without a queue.</summary>
    void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight);

    /// <summary><c>RS- account subject [queue]</c>.</summary>
    void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue);

    /// <summary>RMSG or HMSG for <paramref name="account"/>; queues as in <see cref="ILeafOpHandler.OnLeafMessage"/>.</summary>
    void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm);

    /// <summary>
    /// <c>A+ account</c> or <c>A- account</c>, a gateway's word on a whole account. Only the gateway
    /// dialect reads them, so a route's handler never hears one.
    /// </summary>
    void OnAccountInterest(ReadOnlySpan<byte> account, bool interested)
    {
    }
}
