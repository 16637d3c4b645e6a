namespace Nats.Edge.Server.Configuration;

/// <summary>The compression modes' names, as nats-server writes them in its config and in INFO.</summary>
public static class CompressionModes
{
    /// <summary>Behave as a server older than 2.10: no <c>compression</c> in INFO, never compress.</summary>
    public const string NotSupported = "not supported";

    public const string Off = "off";

    /// <summary>Never start compression, but follow a peer that asks for it.</summary>
    public const string Accept = "accept";

    /// <summary>The level follows the link's RTT (see <see cref="CompressionOptions.RttThresholds"/>).</summary>
    public const string S2Auto = "s2_auto";

    /// <summary>S2 framing with the data stored, not compressed: what s2_auto picks on a fast network.</summary>
    public const string S2Uncompressed = "s2_uncompressed";

    public const string S2Fast = "s2_fast";

    public const string S2Better = "s2_better";

    public const string S2Best = "s2_best";
}
