using System.Globalization;

namespace Nats.Edge.Configuration;

/// <summary>Sizes and durations as nats-server's config reader takes them, so its config files mean the same here.</summary>
internal static class ConfigValue
{
    /// <summary>
    /// A number with an optional suffix: <c>k</c>/<c>m</c>/<c>g</c>… are powers of 1000,
    /// <c>kb</c>/<c>ki</c>/<c>kib</c>… powers of 1024, case-insensitive. So <c>1MB</c> is 1048576 but <c>1M</c> 1000000.
    /// </summary>
    public static bool TryParseSize(string text, out long size)
    {
        size = 0;
        text = text.Trim();
        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || (digits == 0 && text[0] == '-')))
        {
            digits++;
        }

        if (!long.TryParse(text.AsSpan(0, digits), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var suffix = text[digits..].Trim().ToLowerInvariant();
        var binary = suffix.Length > 1;
        if (binary && suffix[1..] is not ("b" or "i" or "ib"))
        {
            return false;
        }

        var power = suffix.Length == 0 ? 0 : "kmgtpe".IndexOf(suffix[0], StringComparison.Ordinal) + 1;
        if (power == 0 && suffix.Length != 0)
        {
            return false;
        }

        var unit = binary ? 1024L : 1000L;
        try
        {
            size = number;
            for (var i = 0; i < power; i++)
            {
                size = checked(size * unit);
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return true;
    }

    /// <summary>A Go duration string (<c>2m</c>, <c>500ms</c>, <c>1h30m</c>) or a plain number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        // A bare number is seconds; auth timeouts are often fractional (0.5).
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var rest = text.AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            if (numberLength == 0 || !double.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            rest = rest[numberLength..];
            var unitLength = 0;
            while (unitLength < rest.Length && !char.IsAsciiDigit(rest[unitLength]))
            {
                unitLength++;
            }

            TimeSpan? unit = rest[..unitLength] switch
            {
                "ns" => TimeSpan.FromTicks(1) / 100,
                "us" or "µs" => TimeSpan.FromMicroseconds(1),
                "ms" => TimeSpan.FromMilliseconds(1),
                "s" => TimeSpan.FromSeconds(1),
                "m" => TimeSpan.FromMinutes(1),
                "h" => TimeSpan.FromHours(1),
                _ => null,
            };
            if (unit is null)
            {
                return false;
            }

            duration += unit.Value * value;
            rest = rest[unitLength..];
        }

        return true;
    }
}
