namespace Nats.Edge.Load.Workloads;

/// <summary>What a subscriber of either client counted: the figures a throughput result is made of.</summary>
internal interface IDeliveryCount
{
    /// <summary>Messages counted so far.</summary>
    long Count { get; }

    /// <summary>Stopwatch timestamp of the read that brought the last counted message.</summary>
    long LastArrival { get; }

    /// <summary>Why counting ended early, if it did.</summary>
    Exception? Failure { get; }

    /// <summary>True once the subscribers together counted <paramref name="expected"/> messages, or one of them failed: waiting longer changes nothing.</summary>
    static bool Settled(IEnumerable<IDeliveryCount> subscribers, long expected)
    {
        long delivered = 0;
        foreach (var subscriber in subscribers)
        {
            if (subscriber.Failure is not null)
            {
                return true;
            }

            delivered += subscriber.Count;
        }

        return delivered >= expected;
    }
}
