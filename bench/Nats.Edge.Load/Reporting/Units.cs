using System.Globalization;

namespace Nats.Edge.Load.Reporting;

/// <summary>Number formats shared by every report, culture-independent so tables diff cleanly.</summary>
internal static class Units
{
    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Decimal(double value, int digits) =>
        value.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Size(int bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => Count(bytes / (1024 * 1024)) + " MiB",
        >= 1024 when bytes % 1024 == 0 => Count(bytes / 1024) + " KiB",
        _ => Count(bytes) + " B",
    };

    public static string Mebibytes(long kibibytes) => Decimal(kibibytes / 1024.0, 1) + " MiB";
}
