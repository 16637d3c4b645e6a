namespace Nats.Edge.Server.Links;

/// <summary>
/// Which compression a link runs with, decided from this server's mode and the mode the peer wrote in
/// its INFO, by nats-server 2.10's rules: a peer without the field (older servers) or with "off" gets
/// no compression; two "accept"s compress nothing; "accept" follows the peer (s2_fast for the peer's
/// s2_auto); otherwise each side uses its own mode. The two directions may differ in level.
/// </summary>
internal static class LinkCompression
{
    /// <summary>Whether a server in <paramref name="mode"/> talks compression with its peer at all.</summary>
    public static bool Negotiates(string mode) => mode is not (CompressionModes.Off or CompressionModes.NotSupported);

    /// <summary>Whether a chosen mode means the link runs S2 framing.</summary>
    public static bool Compresses(string chosen) => chosen is
        CompressionModes.S2Uncompressed or CompressionModes.S2Fast or CompressionModes.S2Better or CompressionModes.S2Best;

    /// <summary>
    /// The mode this side runs with, given its own (which <see cref="Negotiates"/>) and the peer's
    /// INFO field (null when absent), with s2_auto resolved by <paramref name="rtt"/>. Throws
    /// <see cref="InvalidDataException"/> with nats-server's text for a mode it does not know.
    /// </summary>
    public static string Choose(CompressionOptions own, string? theirs, TimeSpan rtt)
    {
        var chosen = theirs switch
        {
            null or "" or CompressionModes.NotSupported => CompressionModes.NotSupported,
            CompressionModes.Off => CompressionModes.Off,
            CompressionModes.Accept => own.Mode == CompressionModes.Accept ? CompressionModes.Off : own.Mode,
            CompressionModes.S2Auto or CompressionModes.S2Uncompressed or CompressionModes.S2Fast or CompressionModes.S2Better or CompressionModes.S2Best =>
                own.Mode != CompressionModes.Accept ? own.Mode : theirs == CompressionModes.S2Auto ? CompressionModes.S2Fast : theirs,
            _ => throw new InvalidDataException($"unsupported route compression mode \"{theirs}\""),
        };
        return chosen == CompressionModes.S2Auto ? ByRtt(rtt, own.RttThresholds.Count > 0 ? own.RttThresholds : CompressionOptions.DefaultRttThresholds) : chosen;
    }

    /// <summary>What this side writes in the INFO that answers: s2_auto stays s2_auto, any other mode is the chosen one.</summary>
    public static string ForInfo(CompressionOptions own, string chosen) => own.Mode == CompressionModes.S2Auto ? CompressionModes.S2Auto : chosen;

    /// <summary>The level for <paramref name="rtt"/>: the first threshold it does not pass; past them all, the last level listed (best with three).</summary>
    public static string ByRtt(TimeSpan rtt, IReadOnlyList<TimeSpan> thresholds)
    {
        var level = -1;
        for (var i = 0; i < thresholds.Count; i++)
        {
            if (rtt <= thresholds[i])
            {
                level = i;
                break;
            }
        }

        if (level < 0)
        {
            level = thresholds.Count >= 3 ? 3 : thresholds.Count - 1;
        }

        return level switch
        {
            0 => CompressionModes.S2Uncompressed,
            1 => CompressionModes.S2Fast,
            2 => CompressionModes.S2Better,
            _ => CompressionModes.S2Best,
        };
    }
}
