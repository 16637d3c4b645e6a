namespace Nats.Edge.Server.Links;

/// <summary>
/// Reads a link's first line (an INFO, a CONNECT) before the connection's loops run, keeping any
/// bytes that came after it for whoever reads next.
/// </summary>
internal static class FirstLine
{
    // An INFO with every URL of a large cluster fits; anything longer is not a peer speaking NATS.
    private const int MaxLength = 64 * 1024;

    /// <summary>Everything read, and the length of the first line with its LF.</summary>
    public static Task<(byte[] Read, int Length)> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        ReadAsync(stream, ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <summary>
    /// The same after <paramref name="readAhead"/>, bytes already read past an earlier line: they
    /// start what is returned, and the line may already be among them.
    /// </summary>
    public static async Task<(byte[] Read, int Length)> ReadAsync(Stream stream, ReadOnlyMemory<byte> readAhead, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(1024, readAhead.Length));
        buffer.Write(readAhead.Span);
        var searched = 0;
        while (true)
        {
            var lf = buffer.WrittenSpan[searched..].IndexOf((byte)'\n');
            if (lf >= 0)
            {
                return (buffer.WrittenSpan.ToArray(), searched + lf + 1);
            }

            searched = buffer.WrittenCount;
            if (searched > MaxLength)
            {
                throw new InvalidDataException("first line too long");
            }

            var read = await stream.ReadAsync(buffer.GetMemory(512), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the peer closed the connection before its first line");
            }

            buffer.Advance(read);
        }
    }

    /// <summary>The JSON of an <c>INFO {…}</c> line (CR LF or LF ended); null for any other line.</summary>
    public static ReadOnlySpan<byte> InfoJson(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd("\r\n"u8);
        return line.Length > 5 && (line.StartsWith("INFO "u8) || line.StartsWith("INFO\t"u8)) ? line[5..] : default;
    }

    /// <summary>Whether <paramref name="line"/> is a CONNECT, in any case, as the protocol readers take it.</summary>
    public static bool IsConnect(ReadOnlySpan<byte> line) =>
        line.Length > 8 && Ascii.EqualsIgnoreCase(line[..7], "CONNECT"u8) && line[7] is (byte)' ' or (byte)'\t';
}
