using Xunit.Sdk;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Runs the test once per <see cref="LeafTopology"/> (or only those in <see cref="Only"/>), passing
/// the topology as the only argument; topologies with nats-server in them are skipped, with the
/// reason shown, when it is not installed and the run is not on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Nats.Edge.Tests.Infrastructure.LeafTheoryDiscoverer", "Nats.Edge.Tests")]
public sealed class LeafTheoryAttribute : FactAttribute
{
    /// <summary>Restricts the run to these topologies; empty runs all.</summary>
    public LeafTopology[] Only { get; set; } = [];
}
