namespace Nats.Edge.Server.Configuration;

/// <summary>What tells an outbox that the hub has a record, so its cursor may move past it.</summary>
public enum OutboxAck
{
    /// <summary>The hub's JetStream stream acknowledged storing it (<c>"ack": "stream"</c>, the default).</summary>
    Stream,

    /// <summary>The uplink answered the PING sent after it (<c>"ack": "none"</c>, for a hub without JetStream).</summary>
    None,
}
