using System.Diagnostics;

namespace Nats.Edge.Server;

/// <summary>Server-wide figures for monitoring, kept off the message path.</summary>
public sealed partial class NatsServer
{
    private long _totalConnections;
    private long _slowConsumers;

    /// <summary>When the server was created, in UTC; monitoring reports it as start and config load time.</summary>
    internal DateTime StartTime { get; } = DateTime.UtcNow;

    /// <summary>The same moment on the Stopwatch clock that connection times are kept on.</summary>
    internal long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    /// <summary>The process's CPU and memory, for VARZ and STATSZ alike.</summary>
    internal Monitoring.ProcessUsage Usage { get; } = new();

    /// <summary>Client connections accepted since the start.</summary>
    internal long TotalConnections => Volatile.Read(ref _totalConnections);

    /// <summary>Connections cut off as slow consumers since the start.</summary>
    internal long SlowConsumers => Volatile.Read(ref _slowConsumers);

    /// <summary>Turns a Stopwatch timestamp of this process into UTC wall-clock time.</summary>
    internal DateTime WallClock(long timestamp) => StartTime + Stopwatch.GetElapsedTime(StartTimestamp, timestamp);

    internal void CountSlowConsumer() => Interlocked.Increment(ref _slowConsumers);
}
