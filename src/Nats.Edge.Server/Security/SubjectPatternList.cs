namespace Nats.Edge.Server.Security;

/// <summary>An allow or a deny list of one permission, matched the way nats-server matches its lists.</summary>
internal sealed class SubjectPatternList
{
    private readonly SubjectPattern[] _patterns;

    public SubjectPatternList(IEnumerable<string> entries)
    {
        var patterns = new List<SubjectPattern>();
        foreach (var entry in entries)
        {
            patterns.Add(SubjectPattern.Parse(entry));
        }

        _patterns = [.. patterns];
    }

    /// <summary>Whether an entry without a queue covers <paramref name="subject"/>.</summary>
    public bool Covers(ReadOnlySpan<byte> subject)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.Queue is null && SubjectPattern.Covers(pattern.Subject, subject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether entries that name a queue cover <paramref name="subject"/> (<paramref name="queueEntries"/>)
    /// and whether one of them names <paramref name="queue"/>, literally or by a wildcard.
    /// </summary>
    public bool CoversQueue(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, out bool queueEntries)
    {
        queueEntries = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.Queue is not { } name || !SubjectPattern.Covers(pattern.Subject, subject))
            {
                continue;
            }

            queueEntries = true;
            if (queue.SequenceEqual(name) || SubjectPattern.Covers(name, queue))
            {
                return true;
            }
        }

        return false;
    }
}
