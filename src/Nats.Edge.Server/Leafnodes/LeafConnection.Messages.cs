using System.Buffers;
using System.Buffers.Text;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>Messages both ways: LMSG/HMSG in (delivered here) and out (spec/leafnode-protocol.md §6, §7).</summary>
internal sealed partial class LeafConnection
{
    private const int StackLineLimit = 512;

    /// <summary>A message from the far side, for local subscribers and the queue groups it names.</summary>
    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm)
    {
        if (!_ready || _matches is null || !_rules.MayImport(message.Subject))
        {
            return;
        }

        MessageDelivery.Deliver(_matches.Match(message.Subject), message, publisher: this, Batch, QueueFilter.Only(queueForm ? queues : default));
    }

    /// <summary>
    /// A local (or other link's) message matches interest the far side announced: noted in the batch
    /// so the far side gets one LMSG for its plain interest and every queue group it was chosen for.
    /// </summary>
    public override bool DeliverMessage(Subscription subscription, in InboundMessage message, DeliveryBatch batch)
    {
        if (!_ready || !MayForwardFrom(batch.Source) || !_rules.MayExport(message.Subject))
        {
            return false;
        }

        batch.AddRemote(this, subscription.Queue);
        return true;
    }

    /// <summary>
    /// <c>LMSG subject [reply] size</c>, or with queues <c>LMSG subject + reply q… size</c> /
    /// <c>LMSG subject | q… size</c>; HMSG with two sizes when the message has headers.
    /// </summary>
    public bool WriteMessage(in InboundMessage message, bool plain, ReadOnlySpan<byte[]> queues, DeliveryBatch batch)
    {
        var withHeaders = message.HasHeaders && _peerHeaders;
        var payload = message.HasHeaders && !withHeaders ? message.Data.Slice(message.HeaderSize) : message.Data;
        var maxLength = 5 + message.Subject.Length + 3 + message.Reply.Length + 3 + message.SizeTokens.Length + 24;
        foreach (var queue in queues)
        {
            maxLength += queue.Length + 1;
        }

        byte[]? rented = null;
        var line = maxLength <= StackLineLimit ? stackalloc byte[StackLineLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        var length = WriteLine(line, message, queues, withHeaders);
        var pending = Outbound.AppendMessage(line[..length], payload);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        CheckPending(pending);
        batch.Add(this, pending);
        return true;
    }

    private static int WriteLine(Span<byte> line, in InboundMessage message, ReadOnlySpan<byte[]> queues, bool withHeaders)
    {
        var at = Append(line, 0, withHeaders ? "HMSG "u8 : "LMSG "u8);
        at = Append(line, at, message.Subject);
        line[at++] = (byte)' ';
        if (queues.Length > 0)
        {
            if (message.Reply.IsEmpty)
            {
                at = Append(line, at, "| "u8);
            }
            else
            {
                at = Append(line, at, "+ "u8);
                at = Append(line, at, message.Reply);
                line[at++] = (byte)' ';
            }

            foreach (var queue in queues)
            {
                at = Append(line, at, queue);
                line[at++] = (byte)' ';
            }
        }
        else if (!message.Reply.IsEmpty)
        {
            at = Append(line, at, message.Reply);
            line[at++] = (byte)' ';
        }

        if (message.HasHeaders && !withHeaders)
        {
            Utf8Formatter.TryFormat(message.Data.Length - message.HeaderSize, line[at..], out var digits);
            at += digits;
        }
        else
        {
            at = Append(line, at, message.SizeTokens);
        }

        line[at++] = (byte)'\r';
        line[at++] = (byte)'\n';
        return at;
    }

    private static int Append(Span<byte> destination, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[at..]);
        return at + bytes.Length;
    }

    // Never back over the link a message came in on, and never from one hub to another: each hub
    // sees only what this board's own clients publish.
    private bool MayForwardFrom(Connection? source) =>
        source != this && !(IsSolicited && source is LeafConnection { IsSolicited: true });
}
