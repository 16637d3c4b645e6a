namespace Nats.Edge.Server.Protocol;

/// <summary>Splits a control line's arguments on runs of spaces and tabs, as nats-server does.</summary>
internal static class Arguments
{
    /// <summary>
    /// Fills <paramref name="ranges"/> with the argument positions and returns how many there are;
    /// returns <c>ranges.Length + 1</c> when there are more than fit, which every caller treats as
    /// "wrong number of arguments".
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                return count;
            }

            var start = i;
            while (i < line.Length && !IsBlank(line[i]))
            {
                i++;
            }

            if (count == ranges.Length)
            {
                return count + 1;
            }

            ranges[count++] = new Range(start, i);
        }
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';
}
