namespace Nats.Edge.Load.Outbox;

/// <summary>Median and spread of a few rounds' figures.</summary>
internal static class Median
{
    /// <summary>The middle value; the mean of the two middle ones for an even count.</summary>
    public static double Of(List<double> values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        int half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /// <summary>(max − min) / median: how far apart the rounds were.</summary>
    public static double Spread(List<double> values)
    {
        double median = Of(values);
        return median > 0 ? (values.Max() - values.Min()) / median : 0;
    }
}
