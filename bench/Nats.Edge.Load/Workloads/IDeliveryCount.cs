namespace Nats.Edge.Load.Workloads;

/// <summary>What a subscriber of either client counted: the figures a throughput result is made of.</summary>
internal interface IDeliveryCount
{
    /// <summary>Messages counted so far.</summary>
    long Count { get; }

    /// <summary>Stopwatch timestamp of the read that brought the last counted message.</summary>
    long LastArrival { get; }
}
