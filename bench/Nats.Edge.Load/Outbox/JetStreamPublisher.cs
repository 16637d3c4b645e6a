using System.Diagnostics;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Nats.Edge.Load.Outbox;

/// <summary>
/// The drain's baseline: one NATS.Net client publishing into the stream as fast as it can with every
/// ack checked, a window of publishes in flight and their acks awaited in order.
/// </summary>
internal static class JetStreamPublisher
{
    // 1024: the outbox's own default max_in_flight, so both sides keep as many acks outstanding.
    public const int Window = 1024;

    /// <summary>Publishes <paramref name="messages"/> on <paramref name="subject"/>; msgs/s until the last ack.</summary>
    public static async Task<double> RunAsync(NatsJSContext js, BaselineMethod method, string subject, long messages, int size)
    {
        byte[] payload = new byte[size];
        long start = Stopwatch.GetTimestamp();
        if (method == BaselineMethod.Concurrent)
        {
            await ConcurrentAsync(js, subject, payload, messages).ConfigureAwait(false);
        }
        else
        {
            await TasksAsync(js, subject, payload, messages).ConfigureAwait(false);
        }

        return messages / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // The client's own pipelined publish: the request goes out at once, its ack is collected later.
    private static async Task ConcurrentAsync(NatsJSContext js, string subject, byte[] payload, long messages)
    {
        var window = new Queue<NatsJSPublishConcurrentFuture>(Window);
        for (long i = 0; i < messages; i++)
        {
            if (window.Count == Window)
            {
                await CollectAsync(window.Dequeue()).ConfigureAwait(false);
            }

            window.Enqueue(await js.PublishConcurrentAsync(subject, payload).ConfigureAwait(false));
        }

        while (window.Count > 0)
        {
            await CollectAsync(window.Dequeue()).ConfigureAwait(false);
        }
    }

    private static async Task CollectAsync(NatsJSPublishConcurrentFuture future)
    {
        await using (future.ConfigureAwait(false))
        {
            Check(await future.GetResponseAsync().ConfigureAwait(false));
        }
    }

    // Each PublishAsync is a request with its own wait for the ack; the window keeps many of them out.
    private static async Task TasksAsync(NatsJSContext js, string subject, byte[] payload, long messages)
    {
        var window = new Queue<Task<PubAckResponse>>(Window);
        for (long i = 0; i < messages; i++)
        {
            if (window.Count == Window)
            {
                Check(await window.Dequeue().ConfigureAwait(false));
            }

            window.Enqueue(js.PublishAsync(subject, payload).AsTask());
        }

        while (window.Count > 0)
        {
            Check(await window.Dequeue().ConfigureAwait(false));
        }
    }

    private static void Check(PubAckResponse ack)
    {
        ack.EnsureSuccess();
        if (ack.Duplicate)
        {
            throw new IOException($"stream {ack.Stream} called message {ack.Seq} a duplicate");
        }
    }
}
