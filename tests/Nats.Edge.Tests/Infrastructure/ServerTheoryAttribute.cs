using Xunit.Sdk;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// Runs the test once per <see cref="ServerTarget"/>, passing the target as the only argument.
/// The reference case is skipped, with the reason shown, when nats-server is not installed and the
/// run is not on CI; xunit 2 has no skip decided at run time, so it is decided at discovery.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Nats.Edge.Tests.Infrastructure.ServerTheoryDiscoverer", "Nats.Edge.Tests")]
public sealed class ServerTheoryAttribute : FactAttribute
{
    /// <summary>
    /// For table tests: a static property of the test class listing case names; the test then runs
    /// once per target and case, taking the case name as its second argument.
    /// </summary>
    public string? Cases { get; set; }
}
