using Xunit.Abstractions;
using Xunit.Sdk;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Makes one test case per server target for <see cref="ServerTheoryAttribute"/>.</summary>
public sealed class ServerTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnostics;

    /// <summary>Called by xunit with its diagnostic sink.</summary>
    public ServerTheoryDiscoverer(IMessageSink diagnosticMessageSink) => _diagnostics = diagnosticMessageSink;

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        foreach (var target in Enum.GetValues<ServerTarget>())
        {
            object[] arguments = [target];
            // An explicit Skip on the attribute still wins, as it does for [Fact].
            var skip = factAttribute.GetNamedArgument<string?>(nameof(FactAttribute.Skip))
                ?? (target == ServerTarget.Reference ? ReferenceServer.SkipReason : null);
            yield return skip is null
                ? new XunitTestCase(_diagnostics, display, displayOptions, testMethod, arguments)
                : new XunitSkippedDataRowTestCase(_diagnostics, display, displayOptions, testMethod, skip, arguments);
        }
    }
}
