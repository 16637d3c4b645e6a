namespace Nats.Edge.Server.Leafnodes;

/// <summary>What <c>/leafz</c> reads of a link, from the monitoring thread.</summary>
internal sealed partial class LeafConnection
{
    /// <summary>A snapshot of the interest the far side announced: one subscription here each.</summary>
    public Subscription[] LearnedInterest() => _learned.ToArray();
}
