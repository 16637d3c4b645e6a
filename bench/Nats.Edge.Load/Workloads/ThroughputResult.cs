using System.Diagnostics;

namespace Nats.Edge.Load.Workloads;

/// <summary>What one throughput run measured; rates count payload bytes only, as <c>nats bench</c> does.</summary>
/// <param name="PublishSeconds">From the start signal until the last publisher's flush PONG.</param>
/// <param name="Expected">Deliveries a complete run makes: messages × subscribers, or messages for a queue group.</param>
/// <param name="DeliverSeconds">From the start signal until the last subscriber counted its last message.</param>
internal sealed record ThroughputResult(
    long Published,
    double PublishSeconds,
    long Expected,
    long Delivered,
    double DeliverSeconds,
    int Size)
{
    public double PublishRate => Published / PublishSeconds;

    public double DeliverRate => DeliverSeconds > 0 ? Delivered / DeliverSeconds : 0;

    public bool Complete => Delivered >= Expected;

    /// <summary>Deliveries per second when anything subscribes, else publishes per second.</summary>
    public double HeadlineRate => Expected > 0 ? DeliverRate : PublishRate;

    /// <summary>The result of a run that started at <paramref name="start"/> and whose publishers finished at <paramref name="published"/> (Stopwatch timestamps).</summary>
    public static ThroughputResult Of(LoadSettings settings, long start, long published, long expected, IEnumerable<IDeliveryCount> subscribers)
    {
        long delivered = 0;
        long lastArrival = start;
        foreach (var subscriber in subscribers)
        {
            delivered += subscriber.Count;
            lastArrival = Math.Max(lastArrival, subscriber.LastArrival);
        }

        return new ThroughputResult(settings.Messages, Seconds(published - start), expected, delivered, Seconds(lastArrival - start), settings.Size);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    public static double Megabytes(double messagesPerSecond, int size) => messagesPerSecond * size / 1_000_000;
}
