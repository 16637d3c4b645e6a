using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>One workload against one server.</summary>
/// <param name="Messages">Messages published in total (requests for <see cref="Mode.ReqRep"/>).</param>
/// <param name="Timeout">Bound on connecting, on each publish flush, and on waiting for delivery.</param>
/// <param name="SubscriberEndpoint">
/// Where the subscribers (the responder for <see cref="Mode.ReqRep"/>) connect when not to
/// <paramref name="Endpoint"/>, where the publishers and the requester are.
/// </param>
internal sealed record LoadSettings(
    Mode Mode,
    NatsEndpoint Endpoint,
    long Messages,
    int Size,
    int Publishers,
    int Subscribers,
    TimeSpan Timeout,
    NatsEndpoint? SubscriberEndpoint = null,
    ClientKind Client = ClientKind.Raw)
{
    /// <summary>The subscriber count each mode uses when none is given.</summary>
    public static int DefaultSubscribers(Mode mode) => mode switch
    {
        Mode.Pub => 0,
        Mode.Fanout or Mode.Queue => 4,
        _ => 1,
    };
}
