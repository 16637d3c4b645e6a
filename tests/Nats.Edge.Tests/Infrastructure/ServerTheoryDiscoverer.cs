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
        var casesMember = factAttribute.GetNamedArgument<string?>(nameof(ServerTheoryAttribute.Cases));
        string?[] cases = casesMember is null ? [null] : [.. CaseNames(testMethod, casesMember)];
        foreach (var (target, name) in Enum.GetValues<ServerTarget>().SelectMany(t => cases.Select(c => (t, c))))
        {
            object[] arguments = name is null ? [target] : [target, name];
            // An explicit Skip on the attribute still wins, as it does for [Fact].
            var skip = factAttribute.GetNamedArgument<string?>(nameof(FactAttribute.Skip))
                ?? (target == ServerTarget.Reference ? ReferenceServer.SkipReason : null);
            yield return skip is null
                ? new XunitTestCase(_diagnostics, display, displayOptions, testMethod, arguments)
                : new XunitSkippedDataRowTestCase(_diagnostics, display, displayOptions, testMethod, skip, arguments);
        }
    }

    private static IEnumerable<string> CaseNames(ITestMethod testMethod, string member)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var property = type.GetProperty(member, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            ?? throw new InvalidOperationException($"{type.Name} has no public static property {member}.");
        return (IEnumerable<string>)property.GetValue(null)!;
    }
}
