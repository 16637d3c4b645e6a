using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// Queues one delivery on a connection in its dialect: MSG or HMSG to a client's subscription;
/// LMSG on a leafnode link or RMSG on a route (which names the account first), or HMSG on either
/// when it carries headers the peer takes. A link's one line carries the plain delivery and every
/// queue group the link was chosen for: <c>LMSG|RMSG [account] subject [reply | + reply q… | | q…] size</c>.
/// The control line is built on the stack, or in a pooled buffer when long subjects need more.
/// </summary>
internal static class MessageWriter
{
    private const int StackLineLimit = 512;

    // [SkipLocalsInit] on both writers: the line is written before it is read, so zeroing its 512 stack
    // bytes first, on every delivery, would be work for nothing.

    /// <summary>MSG/HMSG for a client's subscription <paramref name="sid"/>; headers left out for a client that did not ask for them.</summary>
    [SkipLocalsInit]
    public static void ToClient(Connection target, ReadOnlySpan<byte> sid, in InboundMessage message, bool withHeaders, DeliveryBatch batch)
    {
        var payload = message.HasHeaders && !withHeaders ? message.Data.Slice(message.HeaderSize) : message.Data;
        var maxLength = MessageLine.MaxLength(message, sid);
        byte[]? rented = null;
        var line = maxLength <= StackLineLimit ? stackalloc byte[StackLineLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        var length = MessageLine.Write(line, message, sid, withHeaders);
        Queue(target, line[..length], payload, batch);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>LMSG/RMSG/HMSG to the server at the far end of a link, once for all its interest.</summary>
    [SkipLocalsInit]
    public static void ToLink(
        Connection target, ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte[]> queues, bool peerHeaders, DeliveryBatch batch)
    {
        var withHeaders = message.HasHeaders && peerHeaders;
        var payload = message.HasHeaders && !withHeaders ? message.Data.Slice(message.HeaderSize) : message.Data;
        var maxLength = 5 + account.Length + 1 + message.Subject.Length + 3 + message.Reply.Length + 3 + message.SizeTokens.Length + 24;
        foreach (var queue in queues)
        {
            maxLength += queue.Length + 1;
        }

        byte[]? rented = null;
        var line = maxLength <= StackLineLimit ? stackalloc byte[StackLineLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        var length = WriteLinkLine(line, account, message, queues, withHeaders);
        Queue(target, line[..length], payload, batch);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Queue(Connection target, ReadOnlySpan<byte> line, in ReadOnlySequence<byte> payload, DeliveryBatch batch)
    {
        var pending = target.Outbound.AppendMessage(line, payload);
        target.CheckPending(pending);
        batch.Add(target, pending);
    }

    private static int WriteLinkLine(Span<byte> line, ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte[]> queues, bool withHeaders)
    {
        var at = Append(line, 0, withHeaders ? "HMSG "u8 : account.IsEmpty ? "LMSG "u8 : "RMSG "u8);
        if (!account.IsEmpty)
        {
            at = Append(line, at, account);
            line[at++] = (byte)' ';
        }

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
}
