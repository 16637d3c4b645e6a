namespace Nats.Edge.Server.Links;

/// <summary>
/// Tells the far side of a link about this side's interest, in the link's dialect: <c>LS+ subject</c>
/// on a leafnode link, <c>RS+ account subject</c> on a route, and the same with <c>-</c> when it goes.
/// A plain subject is announced when its first interest comes and withdrawn with its last; a queue
/// group is announced again with its new member count on every change, as Go servers do. A link
/// whose rules narrow what it may announce counts how many interests stand behind each subject.
/// A gateway (<paramref name="queueWeights"/> false) hears of a queue group only when it appears and
/// when it goes, always with weight 1, as Go servers announce it across clusters.
/// </summary>
internal sealed class InterestAnnouncer(Connection link, string dialect, string? account, Func<IAnnouncementRules?> rules, bool queueWeights = true)
{
    private readonly string _accountPrefix = account is null ? string.Empty : account + " ";

    // What was announced: plain subjects with how many interests stand behind each.
    private readonly Dictionary<string, int> _announced = new(StringComparer.Ordinal);

    /// <summary>
    /// The count of interest in <paramref name="subject"/> (or its <paramref name="queue"/> group)
    /// went from <paramref name="before"/> to <paramref name="after"/>; calls come in order, under
    /// the account's interest lock.
    /// </summary>
    public void InterestChanged(string subject, string? queue, int before, int after)
    {
        var current = rules();
        if (queue is not null)
        {
            if (!queueWeights && (before > 0) == (after > 0))
            {
                return;
            }

            if (current?.MayAnnounce(subject) ?? true)
            {
                var weight = queueWeights ? after : 1;
                Write(after > 0 ? $"{dialect}+ {_accountPrefix}{subject} {queue} {weight}\r\n" : $"{dialect}- {_accountPrefix}{subject} {queue}\r\n");
                link.SignalSend();
            }

            return;
        }

        var delta = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        if (delta == 0)
        {
            return;
        }

        foreach (var announced in current?.Announcements(subject) ?? [subject])
        {
            var count = _announced.GetValueOrDefault(announced) + delta;
            if (count > 0)
            {
                _announced[announced] = count;
                if (count == 1 && delta > 0)
                {
                    Write($"{dialect}+ {_accountPrefix}{announced}\r\n");
                }
            }
            else
            {
                _announced.Remove(announced);
                Write($"{dialect}- {_accountPrefix}{announced}\r\n");
            }
        }

        link.SignalSend();
    }

    private void Write(string line) => link.Outbound.Append(Encoding.UTF8.GetBytes(line));
}
