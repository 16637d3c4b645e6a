using System.Diagnostics;
using System.Text;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Workloads;

/// <summary>
/// Waits until interest made on one server is known on another: subscribes to a probe subject on
/// the far side after the workload's own SUBs, then publishes on the near side until one arrives.
/// A link forwards interest in order, so the probe's arrival means the earlier SUBs crossed too.
/// </summary>
internal static class InterestProbe
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    public static void Await(NatsEndpoint subscriberSide, NatsEndpoint publisherSide, TimeSpan timeout)
    {
        string subject = Subjects.Unique("probe");
        using NatsSocket subscriber = NatsSocket.Open(subscriberSide, "nats-edge-load probe", Encoding.ASCII.GetBytes($"SUB {subject} 1\r\n"), timeout);
        using NatsSocket publisher = NatsSocket.Open(publisherSide, "nats-edge-load probe", default, timeout);
        subscriber.SetReceiveTimeout(Poll);
        byte[] probe = Encoding.ASCII.GetBytes($"PUB {subject} 0\r\n\r\n");
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var sink = new CountingSink();
        while (sink.Messages == 0)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"interest did not cross from {subscriberSide} to {publisherSide} within {timeout.TotalSeconds} s");
            }

            publisher.Send(probe);
            subscriber.Receive(ref sink);
            if (sink.Pings > 0)
            {
                subscriber.SendPongs(sink.Pings);
                sink.Pings = 0;
            }
        }
    }
}
