namespace Nats.Edge.Load.Outbox;

/// <summary>How the drain's baseline client publishes into the stream with NATS.Net, acks pipelined.</summary>
internal enum BaselineMethod
{
    /// <summary><c>PublishConcurrentAsync</c> futures, a window of them awaited oldest first.</summary>
    Concurrent,

    /// <summary><c>PublishAsync</c> tasks, a window of them in flight, awaited oldest first.</summary>
    Tasks,
}
