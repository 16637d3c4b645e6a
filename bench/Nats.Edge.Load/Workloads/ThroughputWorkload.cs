using System.Diagnostics;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>
/// Publishers against counting subscribers: pub, pubsub, fanout and queue. Every connection is set up
/// (SUBs confirmed by PONG) before the clock starts.
/// </summary>
internal static class ThroughputWorkload
{
    /// <summary>Queue group shared by every subscriber in queue mode.</summary>
    public const string QueueGroup = "load";

    public static ThroughputResult Run(LoadSettings settings)
    {
        string subject = Subjects.Unique("bench");
        string? queue = settings.Mode == Mode.Queue ? QueueGroup : null;
        int subscriberCount = settings.Mode == Mode.Pub ? 0 : settings.Subscribers;
        var subscribers = new List<Subscriber>(subscriberCount);
        var publishers = new List<Publisher>(settings.Publishers);
        using var gate = new ManualResetEventSlim();
        try
        {
            for (int i = 0; i < subscriberCount; i++)
            {
                subscribers.Add(new Subscriber(settings.SubscriberEndpoint ?? settings.Endpoint, subject, queue, settings.Timeout));
            }

            // Subscribers on another server (across a leafnode link): their interest must reach the
            // publishers' server before the clock starts.
            if (settings.SubscriberEndpoint is { } far && subscriberCount > 0)
            {
                InterestProbe.Await(far, settings.Endpoint, settings.Timeout);
            }

            var batch = new PubBatch(subject, null, settings.Size);
            for (int i = 0; i < settings.Publishers; i++)
            {
                publishers.Add(new Publisher(settings.Endpoint, batch, Share(settings.Messages, settings.Publishers, i), gate, settings.Timeout));
            }

            if (settings.Size > publishers[0].Info.MaxPayload)
            {
                throw new ArgumentException($"--size {settings.Size} is above the server's max_payload {publishers[0].Info.MaxPayload}");
            }

            subscribers.ForEach(s => s.Start());
            publishers.ForEach(p => p.Start());
            long start = Stopwatch.GetTimestamp();
            gate.Set();

            long published = AwaitPublishers(publishers);
            long expected = queue is null ? settings.Messages * subscriberCount : settings.Messages;
            AwaitDeliveries(subscribers, expected, settings.Timeout);
            subscribers.ForEach(s => s.Stop());
            ThrowIfFailed(subscribers, "subscriber");

            return ThroughputResult.Of(settings, start, published, expected, subscribers);
        }
        finally
        {
            subscribers.ForEach(s => s.Stop());
            publishers.ForEach(p => p.Stop());
            subscribers.ForEach(s => s.Dispose());
            publishers.ForEach(p => p.Dispose());
        }
    }

    /// <summary>Publisher <paramref name="index"/>'s part of <paramref name="total"/> messages.</summary>
    public static long Share(long total, int parts, int index) =>
        (total / parts) + (index < total % parts ? 1 : 0);

    // No overall limit: a large run may publish for minutes, and each publisher already gives up when
    // a single send or its flush stalls longer than the timeout.
    private static long AwaitPublishers(List<Publisher> publishers)
    {
        long finished = 0;
        foreach (Publisher p in publishers)
        {
            p.Join();
        }

        ThrowIfFailed(publishers, "publisher");
        foreach (Publisher p in publishers)
        {
            finished = Math.Max(finished, p.FinishedAt);
        }

        return finished;
    }

    // Polls rather than sleeps a fixed time: returns as soon as the last message is counted, a
    // subscriber fails, or the timeout passes.
    private static void AwaitDeliveries(List<Subscriber> subscribers, long expected, TimeSpan timeout)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (IDeliveryCount.Settled(subscribers, expected))
            {
                return;
            }

            Thread.Sleep(1);
        }
    }

    private static void ThrowIfFailed<T>(List<T> workers, string role)
        where T : Worker
    {
        for (int i = 0; i < workers.Count; i++)
        {
            if (workers[i].Failure is { } failure)
            {
                throw new IOException($"{role} {i + 1}: {failure.Message}", failure);
            }
        }
    }

}
