namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The route ops: the leaf ops with an account name in front. The reader hands the account over first,
/// then calls the leaf op for the rest of the line.
/// </summary>
internal interface IRouteOpHandler : ILeafOpHandler
{
    /// <summary>The account the op that follows at once belongs to; the span is valid only during the call.</summary>
    void OnAccount(ReadOnlySpan<byte> account);
}
