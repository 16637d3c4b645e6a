namespace Nats.Edge.Server.Leafnodes;

/// <summary>Interest both ways: LS+/LS- heard from the far side, and what this side announces, loop detection included.</summary>
internal sealed partial class LeafConnection
{
    // What the far side announced; each is one subscription here.
    private readonly LearnedInterest _learned = new();

    /// <inheritdoc />
    public void InterestChanged(string subject, string? queue, int before, int after) => _announcer.InterestChanged(subject, queue, before, after);

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
}
