using System.Diagnostics;
using System.Text;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>
/// Request-reply latency: one request in flight at a time from a requester to a responder, each round
/// trip timed with Stopwatch ticks; to the server it is plain pub/sub with a reply subject.
/// </summary>
internal static class RequestReplyWorkload
{
    // Up to 1000 untimed requests first: JIT tiering and the server's first-use caches settle.
    private const long MaxWarmup = 1000;

    /// <summary>Untimed requests sent before the <paramref name="requests"/> timed ones.</summary>
    public static long Warmup(long requests) => Math.Min(MaxWarmup, requests / 10);

    public static LatencyResult Run(LoadSettings settings)
    {
        string subject = Subjects.Unique("bench.service");
        string inbox = Subjects.Unique("_INBOX");
        using var responder = new Responder(settings.SubscriberEndpoint ?? settings.Endpoint, subject, settings.Size, settings.Timeout);

        // A responder on another server: the requester's server must know its interest, and the
        // answers need the way back, which over a gateway is another connection, dialled by the far side.
        if (settings.SubscriberEndpoint is { } far)
        {
            InterestProbe.Await(far, settings.Endpoint, settings.Timeout);
            InterestProbe.Await(settings.Endpoint, far, settings.Timeout);
        }

        using NatsSocket requester = NatsSocket.Open(
            settings.Endpoint, "nats-edge-load requester", Encoding.ASCII.GetBytes($"SUB {inbox} 1\r\n"), settings.Timeout);
        if (settings.Size > requester.Info.MaxPayload)
        {
            throw new ArgumentException($"--size {settings.Size} is above the server's max_payload {requester.Info.MaxPayload}");
        }

        ReadOnlySpan<byte> request = new PubBatch(subject, inbox, settings.Size).Frames(1);
        long warmup = Warmup(settings.Messages);
        long[] samples = new long[settings.Messages];
        var sink = new CountingSink();
        responder.Start();
        try
        {
            long started = Stopwatch.GetTimestamp();
            for (long i = -warmup; i < settings.Messages; i++)
            {
                if (i == 0)
                {
                    started = Stopwatch.GetTimestamp();
                }

                long sent = Stopwatch.GetTimestamp();
                requester.Send(request);
                long answered = sink.Messages + 1;
                while (sink.Messages < answered)
                {
                    // Bounded: each receive waits at most the timeout, then the request is given up.
                    if (!requester.Receive(ref sink))
                    {
                        throw new TimeoutException(responder.Failure?.Message ?? $"no reply within {settings.Timeout.TotalSeconds:0} s");
                    }
                }

                if (i >= 0)
                {
                    samples[i] = Stopwatch.GetTimestamp() - sent;
                }

                requester.SendPongs(sink.Pings);
                sink.Pings = 0;
            }

            return LatencyResult.FromTicks(samples, (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency);
        }
        finally
        {
            responder.Stop();
        }
    }
}
