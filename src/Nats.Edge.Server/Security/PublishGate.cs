using System.Diagnostics;

namespace Nats.Edge.Server.Security;

/// <summary>
/// One connection's publish check: the verdict of its user's lists is memoised per subject, so a
/// publisher repeating a subject pays one dictionary lookup and allocates nothing; replies a service
/// user may send (<c>allow_responses</c>) are tracked per request received.
/// </summary>
internal sealed class PublishGate(Permissions permissions)
{
    // nats-server's sizes: 128 memoised verdicts, and the reply table swept past 4096 entries.
    private const int VerdictCapacity = 128;
    private const int ReplySweepThreshold = 4096;

    // Owned by the connection's receive loop: no lock.
    private readonly Dictionary<byte[], bool> _verdicts = new(ByteKeyComparer.Instance);

    // Filled by whichever publisher delivers a request to this connection; hence the lock.
    private readonly Dictionary<byte[], ReplyPermit> _replies = new(ByteKeyComparer.Instance);
    private readonly Lock _repliesSync = new();

    public bool MayPublish(ReadOnlySpan<byte> subject)
    {
        var verdicts = _verdicts.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (!verdicts.TryGetValue(subject, out var allowed))
        {
            allowed = permissions.MayPublish(subject);
            if (_verdicts.Count >= VerdictCapacity)
            {
                _verdicts.Clear();
            }

            verdicts[subject] = allowed;
        }

        return allowed || (permissions.Responses is not null && TryUseReply(subject));
    }

    /// <summary>Notes a request delivered to this connection, whose reply subject it may now answer.</summary>
    public void NoteRequest(ReadOnlySpan<byte> reply)
    {
        if (permissions.Responses is null)
        {
            return;
        }

        lock (_repliesSync)
        {
            _replies.GetAlternateLookup<ReadOnlySpan<byte>>()[reply] = new ReplyPermit(Stopwatch.GetTimestamp(), 0);
            if (_replies.Count > ReplySweepThreshold)
            {
                SweepReplies();
            }
        }
    }

    private bool TryUseReply(ReadOnlySpan<byte> subject)
    {
        var responses = permissions.Responses!;
        lock (_repliesSync)
        {
            var replies = _replies.GetAlternateLookup<ReadOnlySpan<byte>>();
            if (!replies.TryGetValue(subject, out var permit))
            {
                return false;
            }

            var used = permit.Used + 1;
            if ((responses.MaxMessages > 0 && used > responses.MaxMessages) || IsExpired(permit))
            {
                replies.Remove(subject);
                return false;
            }

            replies[subject] = permit with { Used = used };
            return true;
        }
    }

    private void SweepReplies()
    {
        var responses = permissions.Responses!;
        foreach (var (reply, permit) in _replies)
        {
            if ((responses.MaxMessages > 0 && permit.Used >= responses.MaxMessages) || IsExpired(permit))
            {
                _replies.Remove(reply);
            }
        }
    }

    private bool IsExpired(ReplyPermit permit) =>
        permissions.Responses!.Expires > TimeSpan.Zero && Stopwatch.GetElapsedTime(permit.Received) > permissions.Responses.Expires;

    private readonly record struct ReplyPermit(long Received, int Used);
}
