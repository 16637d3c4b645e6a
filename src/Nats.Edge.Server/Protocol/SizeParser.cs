namespace Nats.Edge.Server.Protocol;

/// <summary>Parses message sizes exactly as nats-server does: 1 to 9 ASCII digits, nothing else.</summary>
internal static class SizeParser
{
    // nats-server's limit: nine digits, so a size always fits an int.
    private const int MaxDigits = 9;

    /// <summary>The size, or -1 when the token is not 1–9 decimal digits.</summary>
    public static int Parse(ReadOnlySpan<byte> digits)
    {
        if (digits.IsEmpty || digits.Length > MaxDigits)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
