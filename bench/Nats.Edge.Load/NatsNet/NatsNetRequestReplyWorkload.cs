using System.Diagnostics;
using NATS.Client.Core;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.NatsNet;

/// <summary>
/// Request-reply latency through NATS.Net's RequestAsync: one request in flight from a requester
/// connection to a responder connection, each round trip timed with Stopwatch ticks.
/// </summary>
internal static class NatsNetRequestReplyWorkload
{
    public static LatencyResult Run(LoadSettings settings) => RunAsync(settings).GetAwaiter().GetResult();

    private static async Task<LatencyResult> RunAsync(LoadSettings settings)
    {
        string subject = Subjects.Unique("bench.service");
        NatsNetResponder responder = await NatsNetResponder.OpenAsync(settings.SubscriberEndpoint ?? settings.Endpoint, subject, settings.Size, settings.Timeout).ConfigureAwait(false);
        await using (responder.ConfigureAwait(false))
        {
            // Both ways, as for the raw client: the answers travel on their own connection over a gateway.
            if (settings.SubscriberEndpoint is { } far)
            {
                InterestProbe.Await(far, settings.Endpoint, settings.Timeout);
                InterestProbe.Await(settings.Endpoint, far, settings.Timeout);
            }

            NatsConnection requester = await NatsNetConnections.OpenAsync(settings.Endpoint, "nats-edge-load natsnet requester", settings.Timeout).ConfigureAwait(false);
            await using (requester.ConfigureAwait(false))
            {
                NatsNetConnections.CheckPayloadSize(requester, settings.Size);
                byte[] request = new byte[settings.Size];
                long warmup = RequestReplyWorkload.Warmup(settings.Messages);
                long[] samples = new long[settings.Messages];
                responder.Start();
                long started = Stopwatch.GetTimestamp();
                for (long i = -warmup; i < settings.Messages; i++)
                {
                    if (i == 0)
                    {
                        started = Stopwatch.GetTimestamp();
                    }

                    long sent = Stopwatch.GetTimestamp();
                    NatsMsg<NatsMemoryOwner<byte>> reply;
                    try
                    {
                        // Bounded by the connection's RequestTimeout, set to --timeout.
                        reply = await requester.RequestAsync(
                            subject,
                            request,
                            requestSerializer: NatsRawSerializer<byte[]>.Default,
                            replySerializer: NatsRawSerializer<NatsMemoryOwner<byte>>.Default).ConfigureAwait(false);
                    }
                    catch (NatsException e) when (responder.Failure is { } failure)
                    {
                        throw new IOException($"responder: {failure.Message}", e);
                    }

                    long answered = Stopwatch.GetTimestamp();
                    reply.Data.Dispose();
                    if (i >= 0)
                    {
                        samples[i] = answered - sent;
                    }
                }

                return LatencyResult.FromTicks(samples, (double)(Stopwatch.GetTimestamp() - started) / Stopwatch.Frequency);
            }
        }
    }
}
