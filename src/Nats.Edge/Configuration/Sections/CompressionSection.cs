using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// A link's <c>compression</c>: a mode (<c>"s2_fast"</c>, <c>true</c>, <c>"off"</c>…) or
/// <c>{ mode, rtt_thresholds }</c>, normalised and checked with nats-server 2.10's rules and texts.
/// </summary>
internal sealed class CompressionSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Mode), KeyShape.Text, "mode")
        .Add(nameof(RttThresholds), KeyShape.Strings, "rtt_thresholds", "thresholds", "rtts", "rtt");

    public string? Mode { get; set; }

    public List<string>? RttThresholds { get; set; }

    /// <summary>What the block says, or <paramref name="otherwise"/> when it is absent; "on" means <paramref name="on"/>.</summary>
    public static CompressionOptions ToOptions(CompressionSection? section, ConfigPath at, string on, string otherwise) =>
        section?.Mode is null ? new CompressionOptions { Mode = otherwise } : section.ToOptions(at, on);

    private CompressionOptions ToOptions(ConfigPath at, string on)
    {
        var mode = Mode!.Trim().ToLowerInvariant();
        if (mode is "on" or "enabled" or "true")
        {
            mode = on;
        }

        mode = mode switch
        {
            "not supported" or "not_supported" => CompressionModes.NotSupported,
            "disabled" or "off" or "false" => CompressionModes.Off,
            "accept" => CompressionModes.Accept,
            "auto" or "s2_auto" => CompressionModes.S2Auto,
            "fast" or "s2_fast" => CompressionModes.S2Fast,
            "better" or "s2_better" => CompressionModes.S2Better,
            "best" or "s2_best" => CompressionModes.S2Best,
            _ => throw at.Invalid($"unsupported compression mode \"{Mode}\""),
        };
        return new CompressionOptions { Mode = mode, RttThresholds = mode == CompressionModes.S2Auto ? Thresholds(at) : [] };
    }

    // nats-server's checks: ascending but for 0s (a skipped level), trailing 0s dropped, one to four left.
    private List<TimeSpan> Thresholds(ConfigPath at)
    {
        if (RttThresholds is null)
        {
            return [.. CompressionOptions.DefaultRttThresholds];
        }

        var thresholds = new List<TimeSpan>();
        foreach (var text in RttThresholds)
        {
            if (!ConfigValue.TryParseDuration(text, out var threshold))
            {
                throw at.Child(nameof(RttThresholds)).Invalid($"\"{text}\" is not a duration");
            }

            threshold = threshold < TimeSpan.Zero ? TimeSpan.Zero : threshold;
            if (threshold != TimeSpan.Zero && thresholds.Exists(earlier => threshold < earlier))
            {
                throw at.Invalid($"RTT threshold values [{string.Join(' ', RttThresholds)}] should be in ascending order");
            }

            thresholds.Add(threshold);
        }

        while (thresholds.Count > 0 && thresholds[^1] == TimeSpan.Zero)
        {
            thresholds.RemoveAt(thresholds.Count - 1);
        }

        return thresholds.Count switch
        {
            0 => throw at.Invalid($"compression mode \"{Mode}\" requires at least one RTT threshold"),
            > 4 => throw at.Invalid($"compression mode \"{Mode}\" should have no more than 4 RTT thresholds: [{string.Join(' ', RttThresholds)}]"),
            _ => thresholds,
        };
    }
}
