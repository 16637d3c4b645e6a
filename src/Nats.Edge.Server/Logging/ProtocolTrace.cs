namespace Nats.Edge.Server.Logging;

/// <summary>
/// Protocol tracing (<c>-V</c>, <c>trace: true</c>), in nats-server's words:
/// <c>127.0.0.1:50000 - cid:5 - &lt;&lt;- [PUB sensors.kitchen 5]</c> for what a client sent,
/// <c>&lt;&lt;- MSG_PAYLOAD: ["21.5"]</c> for a message's bytes (cut at <c>max_traced_msg_len</c>),
/// and <c>-&gt;&gt; [MSG sensors.kitchen 1 5]</c> for what went to it. Every caller checks that
/// tracing is on first, so none of this runs, or allocates, otherwise.
/// </summary>
internal static class ProtocolTrace
{
    // A password in a traced CONNECT is replaced, as nats-server replaces it.
    private static readonly byte[] PasswordKey = "\"pass\""u8.ToArray();

    /// <summary>An operation a client sent: its name and arguments as they came.</summary>
    public static void In(ServerLog log, object connection, ClientOp op, ReadOnlySpan<byte> arguments)
    {
        if (Name(op) is not { } name)
        {
            return;
        }

        if (op == ClientOp.Connect)
        {
            arguments = WithoutPassword(arguments);
        }

        log.Trace(arguments.IsEmpty ? $"{connection} - <<- [{name}]" : $"{connection} - <<- [{name} {Encoding.UTF8.GetString(arguments)}]");
    }

    /// <summary>The bytes of a published message, headers included, Go-quoted and cut after <paramref name="maxLength"/> (0: whole).</summary>
    public static void Payload(ServerLog log, object connection, in ReadOnlySequence<byte> data, int maxLength)
    {
        var bytes = data.ToArray();
        if (maxLength > 0 && bytes.Length > maxLength)
        {
            // nats-server quotes the first maxLength bytes and keeps maxLength characters of the quoting.
            var quoted = GoQuote(bytes.AsSpan(0, maxLength));
            log.Trace($"{connection} - <<- MSG_PAYLOAD: [\"{quoted.AsSpan(1, Math.Min(maxLength, quoted.Length - 1))}...\"]");
            return;
        }

        log.Trace($"{connection} - <<- MSG_PAYLOAD: [{GoQuote(bytes)}]");
    }

    /// <summary>A message line sent to a client: <c>MSG subject sid [reply] size</c>, or HMSG with the header size.</summary>
    public static void Delivery(ServerLog log, object connection, in InboundMessage message, ReadOnlySpan<byte> sid, bool withHeaders)
    {
        var reply = message.Reply.IsEmpty ? string.Empty : " " + Encoding.UTF8.GetString(message.Reply);
        var total = message.Data.Length;
        var line = withHeaders && message.HasHeaders
            ? $"HMSG {Encoding.UTF8.GetString(message.Subject)} {Encoding.UTF8.GetString(sid)}{reply} {message.HeaderSize} {total}"
            : $"MSG {Encoding.UTF8.GetString(message.Subject)} {Encoding.UTF8.GetString(sid)}{reply} {total - Math.Max(message.HeaderSize, 0)}";
        log.Trace($"{connection} - ->> [{line}]");
    }

    /// <summary>A line of the connection's own (PONG, +OK, -ERR 'text'), as nats-server traces it: <c>->> [-ERR text]</c>.</summary>
    public static void Reply(ServerLog log, object connection, ReadOnlySpan<byte> line)
    {
        line = line.TrimEnd("\r\n"u8);
        if (line.StartsWith("-ERR "u8))
        {
            log.Trace($"{connection} - ->> [-ERR {Encoding.UTF8.GetString(line[5..].Trim((byte)'\''))}]");
        }
        else if (line.SequenceEqual("+OK"u8))
        {
            log.Trace($"{connection} - ->> [OK]");
        }
        else if (line.SequenceEqual("PONG"u8) || line.SequenceEqual("PING"u8))
        {
            log.Trace($"{connection} - ->> [{Encoding.ASCII.GetString(line)}]");
        }
    }

    // INFO and the replies a client does not send are not traced, as nats-server leaves them out.
    private static string? Name(ClientOp op) => op switch
    {
        ClientOp.Connect => "CONNECT",
        ClientOp.Pub => "PUB",
        ClientOp.HPub => "HPUB",
        ClientOp.Sub => "SUB",
        ClientOp.Unsub => "UNSUB",
        ClientOp.Ping => "PING",
        ClientOp.Pong => "PONG",
        _ => null,
    };

    private static ReadOnlySpan<byte> WithoutPassword(ReadOnlySpan<byte> json)
    {
        var key = json.IndexOf(PasswordKey);
        if (key < 0)
        {
            return json;
        }

        var open = json[(key + PasswordKey.Length)..].IndexOf((byte)'"');
        if (open < 0)
        {
            return json;
        }

        var valueStart = key + PasswordKey.Length + open + 1;
        var close = valueStart;
        while (close < json.Length && json[close] != (byte)'"')
        {
            close += json[close] == (byte)'\\' ? 2 : 1;
        }

        return close >= json.Length ? json : (byte[])[.. json[..valueStart], .. "[REDACTED]"u8, .. json[close..]];
    }

    // Go's %q: printable runes as they are, the usual escapes, \x for bytes that are not UTF-8.
    private static string GoQuote(ReadOnlySpan<byte> bytes)
    {
        var quoted = new StringBuilder(bytes.Length + 2).Append('"');
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != OperationStatus.Done)
            {
                quoted.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{bytes[0]:x2}");
                bytes = bytes[1..];
                continue;
            }

            bytes = bytes[consumed..];
            _ = rune.Value switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                '\a' => quoted.Append("\\a"),
                '\b' => quoted.Append("\\b"),
                '\f' => quoted.Append("\\f"),
                '\v' => quoted.Append("\\v"),
                < 0x20 or 0x7f => quoted.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
                _ when Rune.IsControl(rune) => quoted.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"),
                _ => quoted.Append(rune.ToString()),
            };
        }

        return quoted.Append('"').ToString();
    }
}
