namespace Nats.Edge.Tests.Performance;

/// <summary>
/// Tests that measure the whole process (allocations, GC counts) run alone: any other test running
/// beside them would allocate into their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
