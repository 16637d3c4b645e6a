using System.Diagnostics;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.NatsNet;

/// <summary>
/// pub, pubsub, fanout and queue through NATS.Net, shaped as <c>nats bench</c> runs them: one
/// connection per publisher and per subscriber, every subscription confirmed by PONG before the
/// clock starts.
/// </summary>
internal static class NatsNetThroughputWorkload
{
    public static ThroughputResult Run(LoadSettings settings) => RunAsync(settings).GetAwaiter().GetResult();

    private static async Task<ThroughputResult> RunAsync(LoadSettings settings)
    {
        string subject = Subjects.Unique("bench");
        string? queue = settings.Mode == Mode.Queue ? ThroughputWorkload.QueueGroup : null;
        int subscriberCount = settings.Mode == Mode.Pub ? 0 : settings.Subscribers;
        var subscribers = new List<NatsNetSubscriber>(subscriberCount);
        var publishers = new List<NatsNetPublisher>(settings.Publishers);
        try
        {
            for (int i = 0; i < subscriberCount; i++)
            {
                subscribers.Add(await NatsNetSubscriber.OpenAsync(settings.SubscriberEndpoint ?? settings.Endpoint, subject, queue, settings.Timeout).ConfigureAwait(false));
            }

            // Subscribers on another server: their interest must reach the publishers' server before
            // the clock starts. The probe is the raw client's; it is not timed.
            if (settings.SubscriberEndpoint is { } far && subscriberCount > 0)
            {
                InterestProbe.Await(far, settings.Endpoint, settings.Timeout);
            }

            for (int i = 0; i < settings.Publishers; i++)
            {
                publishers.Add(await NatsNetPublisher.OpenAsync(settings.Endpoint, settings.Size, settings.Timeout).ConfigureAwait(false));
            }

            subscribers.ForEach(s => s.Start());
            byte[] payload = new byte[settings.Size];
            long start = Stopwatch.GetTimestamp();
            var publishing = new Task<long>[publishers.Count];
            for (int i = 0; i < publishing.Length; i++)
            {
                NatsNetPublisher publisher = publishers[i];
                long share = ThroughputWorkload.Share(settings.Messages, settings.Publishers, i);
                publishing[i] = Task.Run(() => publisher.PublishAsync(subject, payload, share, settings.Timeout));
            }

            long published = (await Task.WhenAll(publishing).ConfigureAwait(false)).Max();
            long expected = queue is null ? settings.Messages * subscriberCount : settings.Messages;
            await AwaitDeliveriesAsync(subscribers, expected, settings.Timeout).ConfigureAwait(false);
            for (int i = 0; i < subscribers.Count; i++)
            {
                if (subscribers[i].Failure is { } failure)
                {
                    throw new IOException($"subscriber {i + 1}: {failure.Message}", failure);
                }
            }

            return ThroughputResult.Of(settings, start, published, expected, subscribers);
        }
        finally
        {
            foreach (NatsNetSubscriber s in subscribers)
            {
                await s.DisposeAsync().ConfigureAwait(false);
            }

            foreach (NatsNetPublisher p in publishers)
            {
                await p.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Polls rather than waits a fixed time: returns as soon as the last message is counted, a
    // subscriber fails, or the timeout passes.
    private static async Task AwaitDeliveriesAsync(List<NatsNetSubscriber> subscribers, long expected, TimeSpan timeout)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (IDeliveryCount.Settled(subscribers, expected))
            {
                return;
            }

            await Task.Delay(1).ConfigureAwait(false);
        }
    }

}
