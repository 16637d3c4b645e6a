namespace Nats.Edge.Server.Configuration;

/// <summary>
/// S2 compression of a leafnode or route link (<c>compression</c>: a mode, or <c>{ mode, rtt_thresholds }</c>),
/// as nats-server 2.10 configures it. Each side picks its own level; the peer only has to read S2.
/// </summary>
public sealed record CompressionOptions
{
    /// <summary>nats-server's s2_auto thresholds: uncompressed up to 10 ms, fast to 50, better to 100, best beyond.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRttThresholds { get; } =
        [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)];

    /// <summary>One of <see cref="CompressionModes"/>, normalised.</summary>
    public required string Mode { get; init; }

    /// <summary>
    /// For <c>s2_auto</c>: the link's RTT up to the first threshold is sent uncompressed, up to the second
    /// with s2_fast, the third s2_better, beyond with s2_best; a 0 skips a level (10, 50, 100 ms by default).
    /// </summary>
    public IReadOnlyList<TimeSpan> RttThresholds { get; init; } = [];

    /// <summary>Equal by mode and thresholds, so a reloaded block that says the same thing is no change.</summary>
    public bool Equals(CompressionOptions? other) =>
        other is not null && Mode == other.Mode && RttThresholds.SequenceEqual(other.RttThresholds);

    public override int GetHashCode() => HashCode.Combine(Mode, RttThresholds.Count);
}
