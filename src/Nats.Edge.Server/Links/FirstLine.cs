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
    public static async Task<(byte[] Read, int Length)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var searched = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(512), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("the peer closed the connection before its first line");
            }

            buffer.Advance(read);
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
        }
    }

    /// <summary>The JSON of an <c>INFO {…}</c> line (CR LF or LF ended); null for any other line.</summary>
    public static ReadOnlySpan<byte> InfoJson(ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd("\r\n"u8);
        return line.Length > 5 && (line.StartsWith("INFO "u8) || line.StartsWith("INFO\t"u8)) ? line[5..] : default;
    }
}
