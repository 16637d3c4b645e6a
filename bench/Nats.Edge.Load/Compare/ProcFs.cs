using System.Globalization;

namespace Nats.Edge.Load.Compare;

/// <summary>A process's memory and CPU counters from Linux <c>/proc</c>.</summary>
internal static class ProcFs
{
    // USER_HZ: /proc reports CPU time in ticks of 1/100 s on every Linux architecture, whatever the
    // kernel's internal HZ (it is part of the user-space ABI).
    private const double TicksPerSecond = 100;

    /// <summary>VmHWM: the kernel's own high-water mark of resident memory, so no peak falls between samples.</summary>
    public static long PeakRssKiB(int pid) => Status(pid, "VmHWM:");

    /// <summary>VmRSS: resident memory now.</summary>
    public static long RssKiB(int pid) => Status(pid, "VmRSS:");

    /// <summary>The process's thread count.</summary>
    public static int Threads(int pid) => (int)Status(pid, "Threads:");

    // One numeric field of /proc/PID/status ("VmRSS:    1234 kB", "Threads:  11").
    private static long Status(int pid, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new IOException($"no {field} in /proc/{pid}/status");
    }

    /// <summary>User plus system CPU time the process has used so far (all its threads).</summary>
    public static double CpuSeconds(int pid)
    {
        // Fields after the command name, which is in parentheses and may itself hold spaces:
        // state is field 3, utime field 14, stime field 15 (proc(5)).
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long utime = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture);
        long stime = long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        return (utime + stime) / TicksPerSecond;
    }
}
