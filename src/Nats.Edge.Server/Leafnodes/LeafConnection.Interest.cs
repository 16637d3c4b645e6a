using System.Text;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Security;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>Interest both ways: LS+/LS- heard from the far side, and what this side announces, loop detection included.</summary>
internal sealed partial class LeafConnection
{
    // What the far side announced; each is one subscription here.
    private readonly LearnedInterest _learned = new();

    // What this side announced: plain subjects with how many interests stand behind each (interest
    // narrowed to an allow list can put several behind one subject).
    private readonly Dictionary<string, int> _announced = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void InterestChanged(string subject, string? queue, int before, int after)
    {
        if (queue is not null)
        {
            if (MayAnnounce(subject))
            {
                Outbound.Append(Encoding.UTF8.GetBytes(after > 0 ? $"LS+ {subject} {queue} {after}\r\n" : $"LS- {subject} {queue}\r\n"));
                SignalSend();
            }

            return;
        }

        var delta = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        if (delta == 0)
        {
            return;
        }

        foreach (var announced in Announcements(subject))
        {
            var count = _announced.GetValueOrDefault(announced) + delta;
            if (count > 0)
            {
                _announced[announced] = count;
                if (count == 1 && delta > 0)
                {
                    Outbound.Append(Encoding.UTF8.GetBytes($"LS+ {announced}\r\n"));
                }
            }
            else
            {
                _announced.Remove(announced);
                Outbound.Append(Encoding.UTF8.GetBytes($"LS- {announced}\r\n"));
            }
        }

        SignalSend();
    }

    /// <summary><c>LS+</c>: the far side wants messages on this subject (or for this queue group).</summary>
    public void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight)
    {
        if (!IsReady || Account is not { } account || !SubjectRules.IsValidSubscription(subject))
        {
            return;
        }

        if (subject.SequenceEqual(account.LoopDetectionSubjectBytes))
        {
            // Our own announcement came back around: the links form a loop.
            Server.Log.Error($"{this} - Loop detected for leafnode account=\"{account.Name}\"");
            CloseWithError(
                Encoding.UTF8.GetBytes($"-ERR 'Loop detected for leafnode account=\"{account.Name}\". Delaying attempt to reconnect for 30s'\r\n"),
                CloseReason.ProtocolViolation);
            _solicitor?.NoteError("Loop detected");
            return;
        }

        // Loop detection subjects skip permissions. A hub closes a leaf that asks for a literal
        // subject it may not receive; a board just never sends it.
        var literal = !SubjectRules.HasWildcard(subject);
        if (literal && !subject.StartsWith("$LDS."u8) && _rules.DeniesExport(subject))
        {
            if (!IsSolicited)
            {
                Server.Log.Error($"{this} - Subscription Violation - Leafnode, Subject \"{Encoding.UTF8.GetString(subject)}\"");
                CloseWithError(ProtocolErrors.SubscriptionViolation(subject, default), CloseReason.ProtocolViolation);
            }

            return;
        }

        _learned.Learn(this, account, subject, queue);
    }

    /// <summary><c>LS-</c>: that interest is gone; unknown ones are ignored.</summary>
    public void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue)
    {
        if (Account is { } account)
        {
            _learned.Forget(account, subject, queue);
        }
    }


    // Interest is announced only where messages may come back over the link: on a board what it may
    // import, on a hub what the leaf user may publish. Loop detection subjects always cross.
    private bool MayAnnounce(string subject)
    {
        if (subject.StartsWith("$LDS.", StringComparison.Ordinal))
        {
            return true;
        }

        var bytes = Encoding.UTF8.GetBytes(subject);
        return !_rules.DeniesImport(bytes) && (!_rules.HasImportAllowList || _rules.MayImport(bytes));
    }

    // The subjects to announce for one interest. With an import allow list, interest wider than the
    // list (a SUB on ">") is narrowed to the list's own patterns it covers, so the far side sends only
    // what may come over: no cellular data spent on messages dropped on arrival.
    private List<string> Announcements(string subject)
    {
        if (MayAnnounce(subject))
        {
            return [subject];
        }

        var narrowed = new List<string>();
        if (_rules.HasImportAllowList)
        {
            var wide = Encoding.UTF8.GetBytes(subject);
            foreach (var pattern in _rules.ImportAllowPatterns)
            {
                if (SubjectPattern.Covers(wide, Encoding.UTF8.GetBytes(pattern)) && !_rules.DeniesImport(Encoding.UTF8.GetBytes(pattern)))
                {
                    narrowed.Add(pattern);
                }
            }
        }

        return narrowed;
    }
}
