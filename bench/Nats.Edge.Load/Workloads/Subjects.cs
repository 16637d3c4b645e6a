using System.Globalization;

namespace Nats.Edge.Load.Workloads;

/// <summary>Subjects that no other client of a shared server is likely to use.</summary>
internal static class Subjects
{
    public static string Unique(string prefix) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}.{Guid.NewGuid():N}");
}
