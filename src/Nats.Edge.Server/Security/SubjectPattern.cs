namespace Nats.Edge.Server.Security;

/// <summary>
/// One permission entry: a subject pattern and, for subscribe entries, an optional queue name
/// (<c>"orders.* workers"</c>).
/// </summary>
internal sealed class SubjectPattern
{
    private SubjectPattern(byte[] subject, byte[]? queue)
    {
        Subject = subject;
        Queue = queue;
    }

    public byte[] Subject { get; }

    public byte[]? Queue { get; }

    /// <summary>Reads "subject" or "subject queue", as nats-server splits them.</summary>
    public static SubjectPattern Parse(string entry)
    {
        var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => new SubjectPattern(Encoding.UTF8.GetBytes(parts[0]), null),
            2 => new SubjectPattern(Encoding.UTF8.GetBytes(parts[0]), Encoding.UTF8.GetBytes(parts[1])),
            _ => throw new ServerOptionsException($"invalid permission subject \"{entry}\""),
        };
    }

    /// <summary>
    /// Whether <paramref name="subject"/> falls under <paramref name="pattern"/>. The subject's own
    /// '*' and '>' count as plain tokens, as in nats-server's sublist: allow "foo.*" covers SUB
    /// "foo.*" but allow "foo.bar" does not.
    /// </summary>
    public static bool Covers(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> subject)
    {
        while (true)
        {
            var patternDot = pattern.IndexOf((byte)'.');
            var patternToken = patternDot < 0 ? pattern : pattern[..patternDot];
            if (patternToken.Length == 1 && patternToken[0] == (byte)'>')
            {
                return !subject.IsEmpty;
            }

            if (subject.IsEmpty)
            {
                return false;
            }

            var subjectDot = subject.IndexOf((byte)'.');
            var subjectToken = subjectDot < 0 ? subject : subject[..subjectDot];
            var anyToken = patternToken.Length == 1 && patternToken[0] == (byte)'*';
            if (!anyToken && !patternToken.SequenceEqual(subjectToken))
            {
                return false;
            }

            if (patternDot < 0 || subjectDot < 0)
            {
                return patternDot < 0 && subjectDot < 0;
            }

            pattern = pattern[(patternDot + 1)..];
            subject = subject[(subjectDot + 1)..];
        }
    }
}
