using System.Globalization;
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

    /// <summary>
    /// Publishes <paramref name="messages"/> on <paramref name="subject"/>; msgs/s until the last ack.
    /// With <paramref name="msgIds"/> each carries a <c>Nats-Msg-Id</c> of its own, as the outbox's do,
    /// so the stream does the same duplicate check for both.
    /// </summary>
    public static async Task<double> RunAsync(NatsJSContext js, BaselineMethod method, bool msgIds, string subject, long messages, int size)
    {
        byte[] payload = new byte[size];
        string? idPrefix = msgIds ? $"load-{Guid.NewGuid():N}-" : null;
        long start = Stopwatch.GetTimestamp();
        if (method == BaselineMethod.Concurrent)
        {
            await ConcurrentAsync(js, subject, payload, idPrefix, messages).ConfigureAwait(false);
        }
        else
        {
            await TasksAsync(js, subject, payload, idPrefix, messages).ConfigureAwait(false);
        }

        return messages / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    // The client's own pipelined publish: the request goes out at once, its ack is collected later.
    private static async Task ConcurrentAsync(NatsJSContext js, string subject, byte[] payload, string? idPrefix, long messages)
    {
        var window = new Queue<NatsJSPublishConcurrentFuture>(Window);
        for (long i = 0; i < messages; i++)
        {
            if (window.Count == Window)
            {
                await CollectAsync(window.Dequeue()).ConfigureAwait(false);
            }

            window.Enqueue(await js.PublishConcurrentAsync(subject, payload, opts: Options(idPrefix, i)).ConfigureAwait(false));
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
    private static async Task TasksAsync(NatsJSContext js, string subject, byte[] payload, string? idPrefix, long messages)
    {
        var window = new Queue<Task<PubAckResponse>>(Window);
        for (long i = 0; i < messages; i++)
        {
            if (window.Count == Window)
            {
                Check(await window.Dequeue().ConfigureAwait(false));
            }

            window.Enqueue(js.PublishAsync(subject, payload, opts: Options(idPrefix, i)).AsTask());
        }

        while (window.Count > 0)
        {
            Check(await window.Dequeue().ConfigureAwait(false));
        }
    }

    private static NatsJSPubOpts? Options(string? idPrefix, long index) =>
        idPrefix is null ? null : new NatsJSPubOpts { MsgId = string.Create(CultureInfo.InvariantCulture, $"{idPrefix}{index}") };

    private static void Check(PubAckResponse ack)
    {
        ack.EnsureSuccess();
        if (ack.Duplicate)
        {
            throw new IOException($"stream {ack.Stream} called message {ack.Seq} a duplicate");
        }
    }
}
