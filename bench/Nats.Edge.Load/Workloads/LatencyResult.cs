using System.Diagnostics;

namespace Nats.Edge.Load.Workloads;

/// <summary>Round-trip times of one request-reply run, in microseconds.</summary>
internal sealed record LatencyResult(long Requests, double Seconds, double P50, double P90, double P99, double P999, double Max)
{
    public double Rate => Requests / Seconds;

    /// <summary>Summarises raw Stopwatch tick samples; sorts them in place.</summary>
    public static LatencyResult FromTicks(long[] ticks, double seconds)
    {
        Array.Sort(ticks);
        return new LatencyResult(
            ticks.Length,
            seconds,
            Micros(Percentile(ticks, 0.50)),
            Micros(Percentile(ticks, 0.90)),
            Micros(Percentile(ticks, 0.99)),
            Micros(Percentile(ticks, 0.999)),
            Micros(ticks[^1]));
    }

    // Nearest rank: the smallest sample with at least q of all samples at or below it.
    private static long Percentile(long[] sorted, double q) =>
        sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
