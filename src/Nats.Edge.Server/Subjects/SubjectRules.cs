namespace Nats.Edge.Server.Subjects;

/// <summary>
/// Token rules for subjects, as nats-server applies them: tokens are separated by '.', never empty;
/// '*' and '>' are wildcards only as whole tokens, and '>' only as the last one.
/// </summary>
internal static class SubjectRules
{
    /// <summary>A subject a client may subscribe to: wildcards allowed, '>' last.</summary>
    public static bool IsValidSubscription(ReadOnlySpan<byte> subject) => IsValid(subject, wildcards: true);

    /// <summary>A subject a message can be published to: no empty token and no wildcard token.</summary>
    public static bool IsValidLiteral(ReadOnlySpan<byte> subject) => IsValid(subject, wildcards: false);

    /// <summary>True when the token is exactly '*' or '>'.</summary>
    /// <summary>Whether any token of <paramref name="subject"/> is '*' or '&gt;'.</summary>
    public static bool HasWildcard(ReadOnlySpan<byte> subject)
    {
        foreach (var range in subject.Split((byte)'.'))
        {
            if (IsWildcard(subject[range]))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsWildcard(ReadOnlySpan<byte> token) =>
        token.Length == 1 && (token[0] == (byte)'*' || token[0] == (byte)'>');

    private static bool IsValid(ReadOnlySpan<byte> subject, bool wildcards)
    {
        if (subject.IsEmpty)
        {
            return false;
        }

        var rest = subject;
        while (true)
        {
            var dot = rest.IndexOf((byte)'.');
            var token = dot < 0 ? rest : rest[..dot];
            if (token.IsEmpty || HasBlank(token) || (!wildcards && IsWildcard(token)))
            {
                return false;
            }

            if (dot < 0)
            {
                return true;
            }

            // '>' swallows everything after it, so nothing may follow.
            if (token.Length == 1 && token[0] == (byte)'>')
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }
    }

    private static bool HasBlank(ReadOnlySpan<byte> token) => token.IndexOfAny(" \t\r\n\f"u8) >= 0;
}
