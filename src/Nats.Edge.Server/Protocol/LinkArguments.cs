using System.Runtime.CompilerServices;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The arguments leafnode and route ops share once a route's account is taken off the front:
/// interest (<c>LS+</c>/<c>RS+</c>, <c>LS-</c>/<c>RS-</c>) and messages (<c>LMSG</c>/<c>RMSG</c>/<c>HMSG</c>).
/// </summary>
internal static class LinkArguments
{
    /// <summary><c>subject [queue weight]</c>; the weight is the group's member count, 0 without a queue.</summary>
    public static bool TryReadInterest(ReadOnlySpan<byte> arguments, out ReadOnlySpan<byte> subject, out ReadOnlySpan<byte> queue, out int weight)
    {
        Span<Range> ranges = stackalloc Range[3];
        var count = Arguments.Split(arguments, ranges);
        subject = count >= 1 ? arguments[ranges[0]] : default;
        queue = count == 3 ? arguments[ranges[1]] : default;
        weight = 0;
        if (count is not (1 or 3))
        {
            return false;
        }

        // nats-server takes a weight it cannot read as one member rather than dropping the link.
        if (count == 3)
        {
            weight = SizeParser.Parse(arguments[ranges[2]]) is var parsed && parsed >= 0 ? parsed : 1;
        }

        return true;
    }

    /// <summary><c>subject [queue]</c>.</summary>
    public static bool TryReadInterestEnd(ReadOnlySpan<byte> arguments, out ReadOnlySpan<byte> subject, out ReadOnlySpan<byte> queue)
    {
        Span<Range> ranges = stackalloc Range[2];
        var count = Arguments.Split(arguments, ranges);
        subject = count >= 1 ? arguments[ranges[0]] : default;
        queue = count == 2 ? arguments[ranges[1]] : default;
        return count is 1 or 2;
    }

    /// <summary>
    /// <c>subject [reply] size</c>, <c>subject + reply queues… size</c>, <c>subject | queues… size</c>,
    /// and the HMSG forms with two sizes. False when the payload is not all here yet or the stream is
    /// broken (the handler heard why); otherwise <paramref name="rest"/> is moved past the payload.
    /// </summary>
    // [SkipLocalsInit]: Split fills the ranges it reports and nothing reads past them, so the 2 KiB of
    // ranges need no zeroing on every LMSG/RMSG.
    [SkipLocalsInit]
    public static bool TryReadMessage<THandler>(
        ProtocolFramer framer, bool headers, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, THandler handler,
        out InboundMessage message, out ReadOnlySpan<byte> queues, out bool queueForm)
        where THandler : IDialect
    {
        message = default;
        queues = default;
        queueForm = false;

        // Subject, markers, reply and sizes besides up to ~250 queue names: nats-server has no limit, 256 is ample.
        Span<Range> ranges = stackalloc Range[256];
        var count = Arguments.Split(arguments, ranges);
        var sizeCount = headers ? 2 : 1;
        if (count < 1 + sizeCount || count > ranges.Length)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return false;
        }

        if (!framer.TryReadSizes(arguments, ranges[..count], headers, rest, handler, out var total, out var headerSize, out var sizeTokens))
        {
            return false;
        }

        // Between the subject and the sizes: nothing, a reply, "+ reply queues…" or "| queues…".
        var middle = count - 1 - sizeCount;
        ReadOnlySpan<byte> reply = default;
        if (middle >= 1)
        {
            var marker = arguments[ranges[1]];
            if (marker.Length == 1 && marker[0] is (byte)'+' or (byte)'|')
            {
                queueForm = true;
                var firstQueue = marker[0] == (byte)'+' ? 3 : 2;
                if (marker[0] == (byte)'+')
                {
                    if (middle < 2)
                    {
                        handler.OnProtocolError(ProtocolError.MalformedArguments);
                        return false;
                    }

                    reply = arguments[ranges[2]];
                }

                var lastQueue = count - 1 - sizeCount;
                if (lastQueue >= firstQueue)
                {
                    queues = arguments[ranges[firstQueue].Start.Value..ranges[lastQueue].End.Value];
                }
            }
            else if (middle == 1)
            {
                reply = marker;
            }
            else
            {
                handler.OnProtocolError(ProtocolError.MalformedArguments);
                return false;
            }
        }

        message = new InboundMessage(arguments[ranges[0]], reply, sizeTokens, headerSize, rest.Slice(0, total));
        rest = rest.Slice(total + 2);
        return true;
    }
}
