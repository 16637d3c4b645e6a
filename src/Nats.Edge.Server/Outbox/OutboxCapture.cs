using System.Buffers.Text;
using Nats.Edge.Server.Embedded;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// Takes every message on a remote's outbox subjects into its log before anything else can lose it,
/// as one more subscriber of the account: local subscribers still get the message at once, from the
/// same delivery.
/// Its subscriptions are members of one queue group that only the account's routes hear of, so in a
/// cluster each message is stored exactly once, by the outbox of the server it was published on
/// (delivery prefers local members) or, when that server has none, by one peer that has; the hub is
/// never asked for these subjects.
/// A publisher that gave a reply subject gets a JetStream publish ack once its record is stored.
/// </summary>
internal sealed class OutboxCapture : ISubscriber, IDisposable
{
    // The queue group of every outbox of the cluster; a name of nats-edge's own, never a client's.
    private static readonly byte[] Group = "nats-edge-outbox"u8.ToArray();

    private readonly Account _account;
    private readonly OutboxLog _log;
    private readonly Subscription[] _subscriptions;
    private readonly InProcessClient _replies;
    private readonly Lock _sync = new();

    // Publishers waiting for their ack, in sequence order; each reply subject in a pooled array.
    private readonly Queue<(long Sequence, byte[] Reply, int Length)> _waiting = new();
    private int _disposed;

    public OutboxCapture(NatsServer server, Account account, IReadOnlyList<string> subjects, OutboxLog log)
    {
        _account = account;
        _log = log;
        _replies = new InProcessClient(server, account.Name);
        _log.Stored += AcknowledgeStored;
        _subscriptions = new Subscription[subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            _subscriptions[i] = new Subscription(this, Encoding.UTF8.GetBytes(subjects[i]), Group, []);
            account.SubscribeForRoutes(_subscriptions[i]);
        }
    }

    bool ISubscriber.IsClosing => Volatile.Read(ref _disposed) != 0;

    bool ISubscriber.DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        // What came down from the hub is the hub's already: it never goes back up.
        if (batch.Source?.Role == LinkRole.Uplink)
        {
            return false;
        }

        var sequence = Append(message, out var refusal);
        if (!message.Reply.IsEmpty)
        {
            if (sequence == 0)
            {
                Reply(message.Reply, OutboxAckReply.Refused(refusal));
            }
            else
            {
                Await(sequence, message.Reply);
            }
        }

        // Taken either way: a refused record is counted and answered here, never stored twice elsewhere.
        return true;
    }

    void ISubscriber.RemoveSubscription(Subscription subscription)
    {
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions)
        {
            _account.UnsubscribeForRoutes(subscription);
        }

        _log.Stored -= AcknowledgeStored;
    }

    private long Append(in InboundMessage message, out OutboxRefusal refusal)
    {
        if (!message.HasHeaders)
        {
            return _log.Append(message.Subject, default, message.Data, out refusal);
        }

        var headers = message.Data.Slice(0, message.HeaderSize);
        var payload = message.Data.Slice(message.HeaderSize);
        if (headers.IsSingleSegment)
        {
            return _log.Append(message.Subject, headers.FirstSpan, payload, out refusal);
        }

        var copy = ArrayPool<byte>.Shared.Rent(message.HeaderSize);
        try
        {
            headers.CopyTo(copy);
            return _log.Append(message.Subject, copy.AsSpan(0, message.HeaderSize), payload, out refusal);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void Await(long sequence, ReadOnlySpan<byte> reply)
    {
        var copy = ArrayPool<byte>.Shared.Rent(reply.Length);
        reply.CopyTo(copy);
        lock (_sync)
        {
            // The writer may have stored it already, before this publisher's turn came: then at once.
            if (sequence > _log.StoredThrough)
            {
                _waiting.Enqueue((sequence, copy, reply.Length));
                return;
            }
        }

        Reply(copy.AsSpan(0, reply.Length), sequence);
        ArrayPool<byte>.Shared.Return(copy);
    }

    // On the log's writer thread: everything up to `through` is on disk.
    private void AcknowledgeStored(long through)
    {
        while (true)
        {
            (long Sequence, byte[] Reply, int Length) next;
            lock (_sync)
            {
                if (!_waiting.TryPeek(out next) || next.Sequence > through)
                {
                    return;
                }

                _waiting.Dequeue();
            }

            Reply(next.Reply.AsSpan(0, next.Length), next.Sequence);
            ArrayPool<byte>.Shared.Return(next.Reply);
        }
    }

    // {"stream":"outbox","seq":N}, the PubAck a JetStream client's Publish waits for.
    private void Reply(ReadOnlySpan<byte> reply, long sequence)
    {
        Span<byte> ack = stackalloc byte[64];
        var prefix = "{\"stream\":\"outbox\",\"seq\":"u8;
        prefix.CopyTo(ack);
        Utf8Formatter.TryFormat(sequence, ack[prefix.Length..], out var digits);
        ack[prefix.Length + digits] = (byte)'}';
        Reply(reply, ack[..(prefix.Length + digits + 1)]);
    }

    private void Reply(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> payload)
    {
        // A reply subject a client could publish on but not deliver to (a wildcard) has nobody to answer.
        if (SubjectRules.IsValidLiteral(reply))
        {
            _replies.Publish(reply, default, payload);
        }
    }
}
