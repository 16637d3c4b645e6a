using System.Globalization;
using System.Text;

namespace Nats.Edge.Load.Soak;

/// <summary>
/// What a soak run shows after its warm-up (the first tenth of the run, at least a minute): memory,
/// handles and threads at their lowest, highest and last, the trend of resident memory per hour by
/// least squares, and how many sample intervals had a stream deliver nothing.
/// </summary>
internal sealed record SoakSummary(
    int Samples, double WarmUpMinutes, long RssFirstKiB, long RssLastKiB, long RssMinKiB, long RssMaxKiB, double RssKiBPerHour,
    int HandlesMin, int HandlesMax, int ThreadsMin, int ThreadsMax, int Gen0, int Gen1, int Gen2, long HeapMaxKiB, int Stalls, string[] Delivered)
{
    // Flat: resident memory grows by less than 1 MiB an hour past warm-up (or moves within 256 KiB in
    // all, for a run too short to give a trend), and handles stay within a handful of their lowest
    // count (a churning client holds one while it is open).
    public bool Flat => (RssKiBPerHour < 1024 || RssMaxKiB - RssMinKiB < 256) && HandlesMax - HandlesMin <= 8;

    public static SoakSummary Of(IReadOnlyList<SoakSample> samples)
    {
        var warmUp = Math.Max(60, samples[^1].Seconds / 10);
        var steady = new List<SoakSample>();
        foreach (var sample in samples)
        {
            if (sample.Seconds >= warmUp)
            {
                steady.Add(sample);
            }
        }

        if (steady.Count < 2)
        {
            steady = [.. samples];
        }

        var stalls = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            for (var stream = 0; stream < samples[i].Delivered.Length; stream++)
            {
                if (samples[i].Delivered[stream] == samples[i - 1].Delivered[stream])
                {
                    stalls++;
                    break;
                }
            }
        }

        var delivered = new string[SoakTraffic.Streams.Length];
        for (var stream = 0; stream < delivered.Length; stream++)
        {
            delivered[stream] = $"{SoakTraffic.Streams[stream]} {samples[^1].Delivered[stream]:N0}";
        }

        return new SoakSummary(
            samples.Count,
            warmUp / 60,
            steady[0].RssKiB,
            steady[^1].RssKiB,
            steady.Min(sample => sample.RssKiB),
            steady.Max(sample => sample.RssKiB),
            Slope(steady) * 3600,
            steady.Min(sample => sample.Handles),
            steady.Max(sample => sample.Handles),
            steady.Min(sample => sample.Threads),
            steady.Max(sample => sample.Threads),
            samples[^1].Gen0,
            samples[^1].Gen1,
            samples[^1].Gen2,
            samples.Max(sample => sample.HeapKiB),
            stalls,
            delivered);
    }

    public string Table()
    {
        var table = new StringBuilder();
        table.AppendLine("| after warm-up | value |");
        table.AppendLine("| --- | --- |");
        table.AppendLine(Invariant($"| warm-up | {WarmUpMinutes:0.#} min; {Samples} samples in all |"));
        table.AppendLine(Invariant($"| RSS first / last | {RssFirstKiB / 1024.0:F2} / {RssLastKiB / 1024.0:F2} MiB |"));
        table.AppendLine(Invariant($"| RSS min / max | {RssMinKiB / 1024.0:F2} / {RssMaxKiB / 1024.0:F2} MiB |"));
        table.AppendLine(Invariant($"| RSS trend | {RssKiBPerHour / 1024.0:+0.00;-0.00} MiB per hour |"));
        table.AppendLine(Invariant($"| handles min / max | {HandlesMin} / {HandlesMax} |"));
        table.AppendLine(Invariant($"| threads min / max | {ThreadsMin} / {ThreadsMax} |"));
        table.AppendLine(Invariant($"| collections gen0 / gen1 / gen2 (whole run) | {Gen0} / {Gen1} / {Gen2} |"));
        table.AppendLine(Invariant($"| managed heap, largest | {HeapMaxKiB / 1024.0:F2} MiB |"));
        table.AppendLine(Invariant($"| intervals where a stream delivered nothing | {Stalls} |"));
        table.AppendLine($"| delivered | {string.Join(", ", Delivered)} |");
        table.Append(Flat ? "Flat after warm-up." : "NOT flat after warm-up.");
        return table.ToString();
    }

    // Least-squares slope of RSS (KiB) over seconds.
    private static double Slope(List<SoakSample> samples)
    {
        double meanX = samples.Average(sample => sample.Seconds), meanY = samples.Average(sample => (double)sample.RssKiB);
        double numerator = 0, denominator = 0;
        foreach (var sample in samples)
        {
            numerator += (sample.Seconds - meanX) * (sample.RssKiB - meanY);
            denominator += (sample.Seconds - meanX) * (sample.Seconds - meanX);
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
