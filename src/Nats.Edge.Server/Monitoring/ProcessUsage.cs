using System.Diagnostics;
using System.Globalization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>The process's CPU and memory use for <c>/varz</c>, read from the OS when asked for.</summary>
internal sealed class ProcessUsage
{
    // nats-server refreshes its CPU figure about once a second; asking more often returns the last one.
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _sync = new();
    private long _sampledAt = Stopwatch.GetTimestamp();
    private TimeSpan _cpuAtSample = Environment.CpuUsage.TotalTime;
    private double _cpuPercent;

    /// <summary>CPU used since the previous sample, in percent of one core, one decimal (nats-server's <c>cpu</c>).</summary>
    public double CpuPercent()
    {
        lock (_sync)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsed = Stopwatch.GetElapsedTime(_sampledAt, now);
            if (elapsed >= SampleInterval)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                _cpuPercent = Math.Round((cpu - _cpuAtSample) / elapsed * 100, 1);
                _sampledAt = now;
                _cpuAtSample = cpu;
            }

            return _cpuPercent;
        }
    }

    /// <summary>
    /// Resident memory in bytes (nats-server's <c>mem</c>), from <c>/proc/self/statm</c>; 0 where that
    /// does not exist. On Linux Environment.WorkingSet reaches System.Diagnostics.Process by reflection,
    /// which would keep that whole assembly in the binary.
    /// </summary>
    public static long ResidentBytes()
    {
        try
        {
            var fields = File.ReadAllText("/proc/self/statm").Split(' ');
            return fields.Length > 1 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
                ? pages * Environment.SystemPageSize
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
