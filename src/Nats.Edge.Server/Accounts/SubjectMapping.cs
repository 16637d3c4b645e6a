namespace Nats.Edge.Server.Accounts;

/// <summary>
/// Renames subjects as they cross from one account to another: the subject's tokens under the source
/// pattern's wildcards fill the destination's wildcards, in order ("orders.*" → "imported.orders.*").
/// </summary>
internal sealed class SubjectMapping
{
    private readonly byte[][] _source;
    private readonly byte[][] _destination;
    private readonly int _wildcards;

    public SubjectMapping(string source, string destination)
    {
        _source = Tokens(source);
        _destination = Tokens(destination);
        var sourceWildcards = Wildcards(_source);
        var destinationWildcards = Wildcards(_destination);
        if (destinationWildcards != sourceWildcards)
        {
            throw new ServerOptionsException($"cannot map subject \"{source}\" to \"{destination}\": their wildcards differ");
        }

        _wildcards = sourceWildcards.Length;
        IsIdentity = source == destination;
    }

    /// <summary>True when subjects cross unchanged, which skips the copy.</summary>
    public bool IsIdentity { get; }

    /// <summary>The longest result for a subject of <paramref name="subjectLength"/> bytes.</summary>
    public int MaxLength(int subjectLength)
    {
        var length = subjectLength;
        foreach (var token in _destination)
        {
            length += token.Length + 1;
        }

        return length;
    }

    /// <summary>Writes the mapped form of <paramref name="subject"/> into <paramref name="output"/>; returns its length.</summary>
    public int Apply(ReadOnlySpan<byte> subject, Span<byte> output)
    {
        Span<Range> captured = stackalloc Range[_wildcards];
        var next = 0;
        var position = 0;
        foreach (var token in _source)
        {
            var dot = subject[position..].IndexOf((byte)'.');
            var end = dot < 0 || token[0] == (byte)'>' ? subject.Length : position + dot;
            if (SubjectRules.IsWildcard(token))
            {
                captured[next++] = position..end;
            }

            position = Math.Min(end + 1, subject.Length);
        }

        var written = 0;
        next = 0;
        foreach (var token in _destination)
        {
            if (written > 0)
            {
                output[written++] = (byte)'.';
            }

            var value = SubjectRules.IsWildcard(token) ? subject[captured[next++]] : token;
            value.CopyTo(output[written..]);
            written += value.Length;
        }

        return written;
    }

    private static byte[][] Tokens(string pattern)
    {
        var parts = pattern.Split('.');
        var tokens = new byte[parts.Length][];
        for (var i = 0; i < parts.Length; i++)
        {
            tokens[i] = Encoding.UTF8.GetBytes(parts[i]);
        }

        return tokens;
    }

    private static string Wildcards(byte[][] tokens)
    {
        var wildcards = new StringBuilder();
        foreach (var token in tokens)
        {
            if (SubjectRules.IsWildcard(token))
            {
                wildcards.Append((char)token[0]);
            }
        }

        return wildcards.ToString();
    }
}
