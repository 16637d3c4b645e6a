using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// A link to another server (a leafnode connection): it takes a message once, with the queue
/// groups it was chosen for, instead of once per matching subscription.
/// </summary>
internal interface IRemoteLink
{
    /// <summary>Writes one message to the far side; false when its rules kept it back.</summary>
    bool WriteMessage(in InboundMessage message, bool plain, ReadOnlySpan<byte[]> queues, DeliveryBatch batch);
}
