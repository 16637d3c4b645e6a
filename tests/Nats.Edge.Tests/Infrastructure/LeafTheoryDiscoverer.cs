using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Makes one test case per leafnode topology for <see cref="LeafTheoryAttribute"/>.</summary>
public sealed class LeafTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var only = factAttribute.GetNamedArgument<LeafTopology[]?>(nameof(LeafTheoryAttribute.Only)) ?? [];
        foreach (var topology in only.Length > 0 ? only : Enum.GetValues<LeafTopology>())
        {
            object[] arguments = [topology];
            var skip = factAttribute.GetNamedArgument<string?>(nameof(FactAttribute.Skip))
                ?? (topology == LeafTopology.EdgeLeafToEdgeHub ? null : ReferenceServer.SkipReason);
            yield return skip is null
                ? new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod, arguments)
                : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, skip, arguments);
        }
    }
}
