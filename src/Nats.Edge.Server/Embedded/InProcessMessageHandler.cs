namespace Nats.Edge.Server.Embedded;

/// <summary>
/// Receives a message on the publisher's own thread, inside its delivery: it must return quickly and
/// never block (hand slow work to another thread).
/// </summary>
public delegate void InProcessMessageHandler(in InProcessMessage message);
