namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// The head of an HTTP/1.1 request or response, as far as a WebSocket upgrade or an HTTP proxy's
/// CONNECT answer needs it: the start line and the header fields. Repeated fields are kept apart, and a field's tokens (its
/// comma-separated values) are matched as nats-server matches them: trimmed, case-insensitive.
/// </summary>
internal sealed class HttpHead
{
    /// <summary>Longer heads are refused: an upgrade request is a few hundred bytes, a browser's with cookies a few KiB.</summary>
    public const int MaxLength = 16 * 1024;

    private static ReadOnlySpan<byte> End => "\r\n\r\n"u8;

    // Names and values side by side: lists of strings share the code every other list of objects uses.
    private readonly List<string> _names = [];
    private readonly List<string> _values = [];

    private HttpHead(string startLine, bool overrun)
    {
        StartLine = startLine;
        Overrun = overrun;
    }

    /// <summary>The request line (<c>GET /leafnode HTTP/1.1</c>) or the status line (<c>HTTP/1.1 101 Switching Protocols</c>).</summary>
    public string StartLine { get; }

    /// <summary>More bytes came right behind the head, in the same reads.</summary>
    public bool Overrun { get; }

    /// <summary>The first value of <paramref name="name"/>, or null when the head has no such field.</summary>
    public string? this[string name]
    {
        get
        {
            var index = _names.FindIndex(field => string.Equals(field, name, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? null : _values[index];
        }
    }

    /// <summary>The values of every <paramref name="name"/> field, in order.</summary>
    public IEnumerable<string> Values(string name)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                yield return _values[i];
            }
        }
    }

    /// <summary>Whether any <paramref name="name"/> field lists <paramref name="token"/> among its comma-separated values.</summary>
    public bool HasToken(string name, string token)
    {
        foreach (var value in Values(name))
        {
            foreach (var item in value.Split(','))
            {
                if (string.Equals(item.Trim(' ', '\t'), token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Reads a head from <paramref name="stream"/>, <paramref name="chunk"/> bytes at a time at most. A
    /// peer that must not be over-read (the far side may send frames right behind its answer) is read
    /// a byte at a time. Null when the peer closed first; <see cref="InvalidDataException"/> for what
    /// is not an HTTP head or is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static async Task<HttpHead?> ReadAsync(Stream stream, int chunk, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxLength];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(chunk, buffer.Length - length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            // The blank line may straddle two reads.
            var from = Math.Max(0, length - (End.Length - 1));
            length += read;
            var end = buffer.AsSpan(from, length - from).IndexOf(End);
            if (end >= 0)
            {
                var headLength = from + end;
                return Parse(Encoding.ASCII.GetString(buffer, 0, headLength), headLength + End.Length < length);
            }
        }

        throw new InvalidDataException("HTTP head too long");
    }

    private static HttpHead Parse(string text, bool overrun)
    {
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        var head = new HttpHead(lineEnd < 0 ? text : text[..lineEnd], overrun);
        while (lineEnd >= 0)
        {
            var start = lineEnd + 2;
            lineEnd = text.IndexOf("\r\n", start, StringComparison.Ordinal);
            var line = lineEnd < 0 ? text[start..] : text[start..lineEnd];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException("malformed HTTP header");
            }

            head._names.Add(line[..colon].Trim());
            head._values.Add(line[(colon + 1)..].Trim(' ', '\t'));
        }

        return head;
    }
}
