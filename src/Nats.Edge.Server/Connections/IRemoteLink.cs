namespace Nats.Edge.Server.Connections;

/// <summary>
/// A link to another server (a leafnode link, or one account on a route): it takes a message once,
/// with the queue groups it was chosen for, instead of once per matching subscription. The far side
/// delivers it to its plain subscribers and to the queue groups named, so whether plain interest
/// was among the reasons need not travel.
/// </summary>
internal interface IRemoteLink
{
    /// <summary>Writes one message to the far side; the link's rules were applied when it was chosen.</summary>
    void WriteMessage(in InboundMessage message, ReadOnlySpan<byte[]> queues, DeliveryBatch batch);

    /// <summary>A link to another cluster: a queue group is served there only when no member in this cluster took the message.</summary>
    bool IsGateway => false;

    /// <summary>The link's measured round trip; among other clusters a queue group goes to the nearest.</summary>
    TimeSpan Rtt => TimeSpan.Zero;
}
