
namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// The head of an HTTP/1.1 request or response, as far as a WebSocket upgrade needs it: the start
/// line and the header fields. Repeated fields are kept apart, and a field's tokens (its
/// comma-separated values) are matched as nats-server matches them: trimmed, case-insensitive.
/// </summary>
internal sealed class HttpHead
{
    /// <summary>Longer heads are refused: an upgrade request is a few hundred bytes, a browser's with cookies a few KiB.</summary>
    public const int MaxLength = 16 * 1024;

    private static ReadOnlySpan<byte> End => "\r\n\r\n"u8;

    private readonly List<(string Name, string Value)> _fields;

    private HttpHead(string startLine, List<(string Name, string Value)> fields)
    {
        StartLine = startLine;
        _fields = fields;
    }

    /// <summary>The request line (<c>GET /leafnode HTTP/1.1</c>) or the status line (<c>HTTP/1.1 101 Switching Protocols</c>).</summary>
    public string StartLine { get; }

    /// <summary>The first value of <paramref name="name"/>, or null when the head has no such field.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var (field, value) in _fields)
            {
                if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
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

    /// <summary>Every value of <paramref name="name"/>, in order.</summary>
    public IEnumerable<string> Values(string name)
    {
        foreach (var (field, value) in _fields)
        {
            if (string.Equals(field, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Reads a head from <paramref name="stream"/>, <paramref name="chunk"/> bytes at a time at most:
    /// the head, and whether more bytes came after it in the same reads. A peer that must not be
    /// over-read (the far side may send frames right behind its answer) is read a byte at a time.
    /// Null when the peer closed first; <see cref="InvalidDataException"/> for what is not an HTTP head
    /// or is longer than <see cref="MaxLength"/>.
    /// </summary>
    public static async Task<(HttpHead? Head, bool Overrun)> ReadAsync(Stream stream, int chunk, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxLength];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(chunk, buffer.Length - length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (null, false);
            }

            // The blank line may straddle two reads.
            var from = Math.Max(0, length - (End.Length - 1));
            length += read;
            var end = buffer.AsSpan(from, length - from).IndexOf(End);
            if (end >= 0)
            {
                var headLength = from + end;
                return (Parse(buffer.AsSpan(0, headLength)), headLength + End.Length < length);
            }
        }

        throw new InvalidDataException("HTTP head too long");
    }

    // Header fields are ASCII; Latin-1 keeps any other byte as one character instead of failing.
    private static HttpHead Parse(ReadOnlySpan<byte> head)
    {
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var fields = new List<(string Name, string Value)>(lines.Length - 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException("malformed HTTP header");
            }

            fields.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim(' ', '\t')));
        }

        return new HttpHead(lines[0], fields);
    }
}
