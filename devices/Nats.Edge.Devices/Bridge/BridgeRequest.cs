namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// A request copied out of the publisher's delivery, to be handled on the bridge's own loop:
/// hardware is never touched on a connection's receive thread. A null target asks for the inventory.
/// </summary>
internal sealed record BridgeRequest(ActuatorEndpoint? Target, byte[] Reply, byte[] Payload);
