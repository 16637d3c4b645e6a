using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.Compare;

/// <summary>One workload against one freshly started server.</summary>
/// <param name="Rate">Deliveries per second; publishes for pub, round trips for reqrep.</param>
/// <param name="Messages">Messages published (requests sent, warm-up included, for reqrep): the CPU divisor.</param>
/// <param name="CpuSeconds">Server user + system CPU time spent during the workload.</param>
internal sealed record ServerRun(double Rate, long Messages, double CpuSeconds, long PeakRssKiB, LatencyResult? Latency)
{
    public double CpuPerMillion => CpuSeconds / (Messages / 1_000_000.0);

    /// <summary>
    /// Field by field over the rounds: the median, or with <paramref name="best"/> the best value of
    /// each (highest rate, lowest CPU, memory and latency), since interference only makes runs worse.
    /// </summary>
    public static ServerRun? Summarize(List<ServerRun> runs, bool best)
    {
        if (runs.Count == 0)
        {
            return null;
        }

        LatencyResult? latency = runs[0].Latency is null ? null : new LatencyResult(
            runs[0].Latency!.Requests,
            Pick(runs, best, r => -r.Latency!.Seconds) * -1,
            Pick(runs, best, r => -r.Latency!.P50) * -1,
            Pick(runs, best, r => -r.Latency!.P90) * -1,
            Pick(runs, best, r => -r.Latency!.P99) * -1,
            Pick(runs, best, r => -r.Latency!.P999) * -1,
            Pick(runs, best, r => -r.Latency!.Max) * -1);
        return new ServerRun(
            Pick(runs, best, r => r.Rate),
            runs[0].Messages,
            Pick(runs, best, r => -r.CpuSeconds) * -1,
            (long)Pick(runs, best, r => -r.PeakRssKiB) * -1,
            latency);
    }

    // Values are oriented so that higher is better; the median of an even count is the mean of the
    // two middle values.
    private static double Pick(List<ServerRun> runs, bool best, Func<ServerRun, double> field)
    {
        double[] values = new double[runs.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = field(runs[i]);
        }

        Array.Sort(values);
        int half = values.Length / 2;
        return best ? values[^1]
            : values.Length % 2 == 1 ? values[half]
            : (values[half - 1] + values[half]) / 2;
    }
}
