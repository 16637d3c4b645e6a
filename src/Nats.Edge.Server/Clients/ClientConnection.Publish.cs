using System.Buffers;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    // MSG lines longer than this (long subjects and replies) are built in a pooled buffer instead.
    private const int StackLineLimit = 512;

    /// <summary>A complete PUB or HPUB (spec §5.3, from step 4 on).</summary>
    public void OnPublish(in InboundMessage message)
    {
        if (_connect.Pedantic && !SubjectRules.IsValidLiteral(message.Subject))
        {
            // nats-server still delivers the message after this error.
            Enqueue(ProtocolErrors.InvalidPublishSubject, Batch);
        }

        Route(message);
    }

    private void Route(in InboundMessage message)
    {
        if (message.Subject.StartsWith("_GR_."u8))
        {
            Enqueue(ProtocolErrors.PublishViolation(message.Subject), Batch);
            return;
        }

        if (IsReservedReply(message.Reply))
        {
            Enqueue(ProtocolErrors.ReplyViolation(message.Reply), Batch);
            return;
        }

        if (_connect.Verbose)
        {
            Enqueue("+OK\r\n"u8, Batch);
        }

        var match = _matches.Match(message.Subject);
        var delivered = false;
        foreach (var subscription in match.Plain)
        {
            delivered |= Deliver(subscription, message);
        }

        foreach (var group in match.QueueGroups)
        {
            delivered |= DeliverToOne(group.Members, message);
        }

        if (!delivered && !message.Reply.IsEmpty && _connect.NoResponders)
        {
            SendNoResponders(message.Reply);
        }
    }

    // One member per group per message, starting at a random member so load spreads evenly; a member
    // that cannot take it (closing, echo off, UNSUB limit reached) passes it to the next.
    private bool DeliverToOne(Subscription[] members, in InboundMessage message)
    {
        var start = members.Length == 1 ? 0 : Random.Shared.Next(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            var index = start + i;
            if (index >= members.Length)
            {
                index -= members.Length;
            }

            if (Deliver(members[index], message))
            {
                return true;
            }
        }

        return false;
    }

    private bool Deliver(Subscription subscription, in InboundMessage message)
    {
        var owner = subscription.Owner;
        if ((owner == this && !_connect.Echo) || owner.IsClosing || !subscription.TryCountDelivery(out var reachedLimit))
        {
            return false;
        }

        owner.DeliverMessage(subscription, message, Batch);
        if (reachedLimit)
        {
            owner.RemoveSubscription(subscription);
        }

        return true;
    }

    /// <summary>Writes MSG/HMSG for one of this client's subscriptions into its outbound buffer.</summary>
    public override void DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        var withHeaders = WantsHeaders;
        var payload = message.HasHeaders && !withHeaders ? message.Data.Slice(message.HeaderSize) : message.Data;
        var maxLength = MessageLine.MaxLength(message, subscription.Sid);
        byte[]? rented = null;
        var line = maxLength <= StackLineLimit
            ? stackalloc byte[StackLineLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        var length = MessageLine.Write(line, message, subscription.Sid, withHeaders);
        var pending = Outbound.AppendMessage(line[..length], payload);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        CheckPending(pending);
        batch.Add(this, pending);
    }

    // The 503 status a requester gets when nobody received its request (spec §8), sent on the
    // requester's own subscription that matches the reply subject.
    private void SendNoResponders(ReadOnlySpan<byte> reply)
    {
        var match = Account.Subscriptions.Match(reply);
        foreach (var subscription in match.Plain)
        {
            if (subscription.Owner != this)
            {
                continue;
            }

            var status = new ReadOnlySequence<byte>("NATS/1.0 503\r\n\r\n"u8.ToArray());
            var message = new InboundMessage(reply, default, "16 16"u8, 16, status);
            DeliverMessage(subscription, message, Batch);
            return;
        }
    }

    private static bool IsReservedReply(ReadOnlySpan<byte> reply) =>
        reply.StartsWith("_R_."u8) || reply.StartsWith("$JS.ACK."u8) || reply.StartsWith("_GR_."u8);
}
