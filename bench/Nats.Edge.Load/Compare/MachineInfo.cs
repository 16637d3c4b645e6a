using System.Globalization;
using System.Runtime.InteropServices;

namespace Nats.Edge.Load.Compare;

/// <summary>Date, machine and commit: every results table states all three.</summary>
internal static class MachineInfo
{
    public static string Today => DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Core count and CPU model (x86 "model name"; a Raspberry Pi's board "Model").</summary>
    public static string Describe()
    {
        string? cpu = null;
        string? board = null;
        if (File.Exists("/proc/cpuinfo"))
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                string key = line[..colon].Trim();
                cpu ??= key == "model name" ? line[(colon + 1)..].Trim() : null;
                board ??= key == "Model" ? line[(colon + 1)..].Trim() : null;
            }
        }

        string model = board ?? cpu ?? RuntimeInformation.OSArchitecture.ToString();
        return $"{Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)} cores, {model}";
    }

    public static string Commit => CommandOutput.FirstLine("git", "rev-parse", "--short", "HEAD") ?? "unknown";
}
