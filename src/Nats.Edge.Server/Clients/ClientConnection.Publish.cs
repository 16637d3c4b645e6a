using System.Buffers;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    // MSG lines longer than this (long subjects and replies) are built in a pooled buffer instead.
    private const int StackLineLimit = 512;

    /// <summary>
    /// PUB &lt;subject&gt; [reply] &lt;size&gt;␍␊&lt;payload&gt;␍␊ and
    /// HPUB &lt;subject&gt; [reply] &lt;hdr&gt; &lt;total&gt;␍␊&lt;headers+payload&gt;␍␊ (spec §5).
    /// Returns false when the payload has not fully arrived (nothing consumed) or the connection closes;
    /// on true, <paramref name="rest"/> starts after the payload's CR LF.
    /// </summary>
    private bool TryPublish(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest)
    {
        if (op == ClientOp.HPub && !WantsHeaders)
        {
            Close(CloseReason.ParseError);
            return false;
        }

        Span<Range> ranges = stackalloc Range[4];
        var count = Arguments.Split(arguments, ranges);
        var sizeCount = op == ClientOp.HPub ? 2 : 1;
        if (count < 1 + sizeCount || count > 2 + sizeCount)
        {
            Close(CloseReason.ParseError);
            return false;
        }

        var subject = arguments[ranges[0]];
        var reply = count == 2 + sizeCount ? arguments[ranges[1]] : default;
        var total = SizeParser.Parse(arguments[ranges[count - 1]]);
        var headerSize = -1;
        if (op == ClientOp.HPub)
        {
            headerSize = SizeParser.Parse(arguments[ranges[count - 2]]);
            if (headerSize < 0 || headerSize > total)
            {
                Close(CloseReason.ParseError);
                return false;
            }
        }

        if (total < 0)
        {
            Close(CloseReason.ParseError);
            return false;
        }

        if (total > Server.Options.MaxPayload)
        {
            CloseWithError(ProtocolErrors.MaxPayloadViolation, CloseReason.MaxPayloadExceeded);
            return false;
        }

        if (rest.Length < total + 2)
        {
            return false;
        }

        var terminator = rest.Slice(total, 2);
        if (!IsCrLf(terminator))
        {
            CloseWithError(ProtocolErrors.UnknownOperation, CloseReason.ParseError);
            return false;
        }

        var sizeTokens = arguments[ranges[count - sizeCount].Start.Value..ranges[count - 1].End.Value];
        var message = new InboundMessage(subject, reply, sizeTokens, headerSize, rest.Slice(0, total));
        rest = rest.Slice(total + 2);
        MessagesIn++;
        BytesIn += total;

        if (_connect.Pedantic && !SubjectRules.IsValidLiteral(subject))
        {
            // nats-server still delivers the message after this error.
            Enqueue(ProtocolErrors.InvalidPublishSubject, Batch);
        }

        Route(message);
        return true;
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
        CheckPending(Outbound.AppendMessage(line[..length], payload));
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        batch.Add(this);
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

    private static bool IsCrLf(in ReadOnlySequence<byte> two)
    {
        Span<byte> bytes = stackalloc byte[2];
        two.CopyTo(bytes);
        return bytes[0] == (byte)'\r' && bytes[1] == (byte)'\n';
    }
}
