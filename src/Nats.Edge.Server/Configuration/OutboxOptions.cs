using Nats.Edge.Server.Outbox;

namespace Nats.Edge.Server.Configuration;

/// <summary>
/// A remote's <c>outbox</c>: the subjects whose messages are kept on disk on this board and sent to
/// the hub's stream in order, so an uplink outage loses none of them.
/// </summary>
public sealed record OutboxOptions
{
    /// <summary>The captured subjects (<c>subjects</c>); wildcards allowed.</summary>
    public required IReadOnlyList<string> Subjects { get; init; }

    /// <summary>Where the log lives and what bounds it (<c>dir</c>, <c>max_bytes</c>, <c>max_msgs</c>, <c>max_age</c>, <c>discard</c>, <c>sync</c>).</summary>
    public required OutboxLogOptions Log { get; init; }

    /// <summary>How the hub confirms a record (<c>ack</c>): its JetStream stream's ack, or none.</summary>
    public OutboxAck Ack { get; init; } = OutboxAck.Stream;

    /// <summary>How long a sent record waits for the stream's ack before it is sent again (<c>ack_wait</c>).</summary>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Records sent and not yet acknowledged, at most (<c>max_in_flight</c>).</summary>
    public int MaxInFlight { get; init; } = 1024;
}
