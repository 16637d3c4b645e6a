namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// The .NET runtime's side of <c>/varz</c> (nats-edge's own <c>runtime</c> field, where nats-server
/// has its Go runtime's <c>mem</c>): collections per generation and the managed heap, so a long run
/// can be watched for a heap that keeps growing or collections that keep coming.
/// </summary>
internal sealed class RuntimeStats
{
    public int Gen0Collections { get; init; }

    public int Gen1Collections { get; init; }

    public int Gen2Collections { get; init; }

    /// <summary>The managed heap's size after the last collection, fragmentation included.</summary>
    public long HeapBytes { get; init; }

    public static RuntimeStats Now() => new()
    {
        Gen0Collections = GC.CollectionCount(0),
        Gen1Collections = GC.CollectionCount(1),
        Gen2Collections = GC.CollectionCount(2),
        HeapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
    };
}
