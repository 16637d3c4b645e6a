using System.Globalization;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// Timestamps as <c>2026-11-27T02:30:00.123Z</c>: UTC to the millisecond, a fixed 24 characters,
/// where the serializer's own DateTime format would print up to seven fractional digits.
/// </summary>
internal static class UtcMilliseconds
{
    public const int Length = 24;

    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The timestamp into <paramref name="utf8"/>, which must hold <see cref="Length"/> bytes; returns those bytes.</summary>
    public static ReadOnlySpan<byte> Format(DateTime value, Span<byte> utf8)
    {
        value.ToUniversalTime().TryFormat(utf8, out var written, Pattern, CultureInfo.InvariantCulture);
        return utf8[..written];
    }

    /// <summary>The timestamp as a string, for payloads written seldom enough that it may allocate.</summary>
    public static string Format(DateTime value) => value.ToUniversalTime().ToString(Pattern, CultureInfo.InvariantCulture);
}
