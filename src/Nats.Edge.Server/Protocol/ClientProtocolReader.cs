using System.Buffers;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The client protocol parser (https://docs.nats.io/reference/reference-protocols/nats-protocol):
/// one control line at a time, payloads handed on as slices of the read. An operation cut off by
/// the end of the read is left in the buffer and parsed again, whole, once more bytes arrived — so
/// a stream split at any byte parses exactly like one that is not. One per connection; not thread-safe.
/// With <c>leaf</c> set it reads the leafnode dialect as well: LS+, LS-, LMSG and HMSG.
/// </summary>
internal sealed class ClientProtocolReader(int maxControlLine, int maxPayload, bool leaf = false, bool route = false)
{
    // The longest op name, "CONNECT", plus the byte after it: enough to judge a line before its end.
    private const int OpNameProbe = 8;

    // A partial line still holds the blank after the op name and maybe the CR of its end, which the
    // limit does not count; the exact check happens once the LF is here.
    private const int PartialLineSlack = 2;

    // Two sizes of at most nine digits and the space between them.
    private readonly byte[] _sizeScratch = new byte[19];

    // A control line split across pipe segments is gathered here: the longest allowed plus op and CR LF.
    private readonly byte[] _lineScratch = new byte[maxControlLine + 64];

    /// <summary>
    /// The largest payload a PUB may announce. A config reload lowers or raises it for connections
    /// already open, as nats-server does; written by the reloading thread, read by the receive loop.
    /// </summary>
    public int MaxPayload { get; set; } = maxPayload;

    /// <summary>
    /// Handles every complete operation in <paramref name="buffer"/> and slices off what it consumed;
    /// what is left is an incomplete operation for the next read.
    /// </summary>
    public void Read<THandler>(ref ReadOnlySequence<byte> buffer, THandler handler)
        where THandler : IClientOpHandler
    {
        while (!buffer.IsEmpty && !handler.IsClosing)
        {
            // Most operations lie whole inside the first segment: walk those with plain offsets and
            // slice the sequence once, instead of several sequence slices per operation.
            var consumed = ReadWithinSegment(buffer.First, handler, out var stopped);
            if (consumed > 0)
            {
                buffer = buffer.Slice(consumed);
            }

            if (stopped || handler.IsClosing)
            {
                return;
            }

            if (consumed > 0)
            {
                continue;
            }

            // The next operation straddles segments, or has not fully arrived.
            if (!TryGetLine(buffer, handler, out var line))
            {
                return;
            }

            var rest = buffer.Slice(line.Length);
            if (HandleLine(line, ref rest, handler) != LineOutcome.Handled)
            {
                return;
            }

            buffer = rest;
        }
    }

    // Returns how many bytes of whole operations it handled at the start of the segment;
    // stopped says an operation was refused or broke the stream, so nothing more is to be read.
    private int ReadWithinSegment<THandler>(ReadOnlyMemory<byte> segment, THandler handler, out bool stopped)
        where THandler : IClientOpHandler
    {
        var span = segment.Span;
        var consumed = 0;
        stopped = false;
        while (consumed < span.Length && !handler.IsClosing)
        {
            var lf = span[consumed..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            var lineEnd = consumed + lf + 1;
            var rest = new ReadOnlySequence<byte>(segment[lineEnd..]);
            var outcome = HandleLine(span[consumed..lineEnd], ref rest, handler);
            if (outcome != LineOutcome.Handled)
            {
                stopped = outcome == LineOutcome.Stop;
                break;
            }

            consumed = span.Length - (int)rest.Length;
        }

        return consumed;
    }

    /// <summary>
    /// Handles one complete control line (LF included); <paramref name="rest"/> is what follows it
    /// and, for PUB/HPUB, is moved past the payload.
    /// </summary>
    private LineOutcome HandleLine<THandler>(ReadOnlySpan<byte> line, ref ReadOnlySequence<byte> rest, THandler handler)
        where THandler : IClientOpHandler
    {
        if (OpNameReader.Read(line, out var op, out var argumentsStart, leaf, route) != OpNameStatus.Known)
        {
            handler.OnProtocolError(ProtocolError.UnknownOperation);
            return LineOutcome.Stop;
        }

        var arguments = TrimLineEnd(line[argumentsStart..]).TrimStart(" \t"u8);
        if (arguments.Length > maxControlLine)
        {
            handler.OnProtocolError(ProtocolError.MaxControlLineExceeded);
            return LineOutcome.Stop;
        }

        if (!handler.Admit(op))
        {
            return LineOutcome.Stop;
        }

        // RS+, RS-, RMSG and a route's HMSG are the leaf ops with the account in front: the handler
        // takes the account, the leaf code reads the rest.
        if (route && op is ClientOp.LeafSub or ClientOp.LeafUnsub or ClientOp.LeafMsg or ClientOp.LeafHMsg)
        {
            var blank = arguments.IndexOfAny(" \t"u8);
            if (blank <= 0)
            {
                handler.OnProtocolError(ProtocolError.MalformedArguments);
                return LineOutcome.Stop;
            }

            ((IRouteOpHandler)handler).OnAccount(arguments[..blank]);
            arguments = arguments[blank..].TrimStart(" \t"u8);
        }

        if (op is ClientOp.Pub or ClientOp.HPub or ClientOp.LeafMsg or ClientOp.LeafHMsg)
        {
            var read = op is ClientOp.Pub or ClientOp.HPub
                ? TryReadPublish(op, arguments, ref rest, handler)
                : TryReadLeafMessage(op, arguments, ref rest, (ILeafOpHandler)handler);
            return read ? LineOutcome.Handled
                : handler.IsClosing ? LineOutcome.Stop
                : LineOutcome.Incomplete;
        }

        Dispatch(op, arguments, handler);
        return handler.IsClosing ? LineOutcome.Stop : LineOutcome.Handled;
    }

    private static void Dispatch<THandler>(ClientOp op, ReadOnlySpan<byte> arguments, THandler handler)
        where THandler : IClientOpHandler
    {
        switch (op)
        {
            case ClientOp.Ping:
                handler.OnPing();
                break;
            case ClientOp.Pong:
                handler.OnPong();
                break;
            case ClientOp.Sub:
                ReadSub(arguments, handler);
                break;
            case ClientOp.Unsub:
                ReadUnsub(arguments, handler);
                break;
            case ClientOp.Connect:
                handler.OnConnect(arguments);
                break;
            case ClientOp.Info:
                handler.OnInfo(arguments);
                break;
            case ClientOp.Err:
                handler.OnErr(arguments);
                break;
            case ClientOp.Ok:
                break;
            case ClientOp.LeafSub:
                ReadLeafSub(arguments, (ILeafOpHandler)handler);
                break;
            case ClientOp.LeafUnsub:
                ReadLeafUnsub(arguments, (ILeafOpHandler)handler);
                break;
        }
    }

    /// <summary>LS+ &lt;subject&gt; [&lt;queue&gt; &lt;weight&gt;]␍␊; the weight is the group's member count.</summary>
    private static void ReadLeafSub(ReadOnlySpan<byte> arguments, ILeafOpHandler handler)
    {
        Span<Range> ranges = stackalloc Range[3];
        var count = Arguments.Split(arguments, ranges);
        if (count is not (1 or 3))
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return;
        }

        // nats-server takes a weight it cannot read as one member rather than dropping the link.
        var weight = count == 3 ? SizeParser.Parse(arguments[ranges[2]]) : 0;
        if (count == 3 && weight < 0)
        {
            weight = 1;
        }

        handler.OnLeafSub(arguments[ranges[0]], count == 3 ? arguments[ranges[1]] : default, weight);
    }

    /// <summary>LS- &lt;subject&gt; [&lt;queue&gt;]␍␊.</summary>
    private static void ReadLeafUnsub(ReadOnlySpan<byte> arguments, ILeafOpHandler handler)
    {
        Span<Range> ranges = stackalloc Range[2];
        var count = Arguments.Split(arguments, ranges);
        if (count is < 1 or > 2)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return;
        }

        handler.OnLeafUnsub(arguments[ranges[0]], count == 2 ? arguments[ranges[1]] : default);
    }

    /// <summary>
    /// LMSG &lt;subject&gt; [reply] &lt;size&gt;, LMSG &lt;subject&gt; + &lt;reply&gt; &lt;queues…&gt; &lt;size&gt;,
    /// LMSG &lt;subject&gt; | &lt;queues…&gt; &lt;size&gt;, and the HMSG forms with two sizes.
    /// </summary>
    private bool TryReadLeafMessage(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ILeafOpHandler handler)
    {
        var headers = op == ClientOp.LeafHMsg;
        // Subject, markers, reply and sizes besides up to ~250 queue names: nats-server has no limit, 256 is ample.
        Span<Range> ranges = stackalloc Range[256];
        var count = Arguments.Split(arguments, ranges);
        var sizeCount = headers ? 2 : 1;
        if (count < 1 + sizeCount || count > ranges.Length)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return false;
        }

        if (!TryReadSizes(arguments, ranges[..count], headers, rest, handler, out var total, out var headerSize, out var sizeTokens))
        {
            return false;
        }

        // Between the subject and the sizes: nothing, a reply, "+ reply queues…" or "| queues…".
        var middle = count - 1 - sizeCount;
        ReadOnlySpan<byte> reply = default;
        ReadOnlySpan<byte> queues = default;
        var queueForm = false;
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

        handler.OnLeafMessage(new InboundMessage(arguments[ranges[0]], reply, sizeTokens, headerSize, rest.Slice(0, total)), queues, queueForm);
        rest = rest.Slice(total + 2);
        return true;
    }

    /// <summary>SUB &lt;subject&gt; [queue] &lt;sid&gt;␍␊.</summary>
    private static void ReadSub<THandler>(ReadOnlySpan<byte> arguments, THandler handler)
        where THandler : IClientOpHandler
    {
        Span<Range> ranges = stackalloc Range[3];
        var count = Arguments.Split(arguments, ranges);
        if (count is < 2 or > 3)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return;
        }

        handler.OnSub(arguments[ranges[0]], count == 3 ? arguments[ranges[1]] : default, arguments[ranges[count - 1]]);
    }

    /// <summary>UNSUB &lt;sid&gt; [max]␍␊.</summary>
    private static void ReadUnsub<THandler>(ReadOnlySpan<byte> arguments, THandler handler)
        where THandler : IClientOpHandler
    {
        Span<Range> ranges = stackalloc Range[2];
        var count = Arguments.Split(arguments, ranges);
        if (count is < 1 or > 2)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return;
        }

        var max = count == 2 ? Math.Max(SizeParser.Parse(arguments[ranges[1]]), 0) : 0;
        handler.OnUnsub(arguments[ranges[0]], max);
    }

    /// <summary>
    /// PUB &lt;subject&gt; [reply] &lt;size&gt;␍␊&lt;payload&gt;␍␊ and
    /// HPUB &lt;subject&gt; [reply] &lt;hdr&gt; &lt;total&gt;␍␊&lt;headers+payload&gt;␍␊, checked in
    /// nats-server's order. False when the payload is not all here yet or the stream is broken.
    /// </summary>
    private bool TryReadPublish<THandler>(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, THandler handler)
        where THandler : IClientOpHandler
    {
        var headers = op == ClientOp.HPub;
        if (headers && !handler.HeadersEnabled)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return false;
        }

        Span<Range> ranges = stackalloc Range[4];
        var count = Arguments.Split(arguments, ranges);
        var sizeCount = headers ? 2 : 1;
        if (count < 1 + sizeCount || count > 2 + sizeCount)
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return false;
        }

        if (!TryReadSizes(arguments, ranges[..count], headers, rest, handler, out var total, out var headerSize, out var sizeTokens))
        {
            return false;
        }

        var reply = count == 2 + sizeCount ? arguments[ranges[1]] : default;

        handler.OnPublish(new InboundMessage(arguments[ranges[0]], reply, sizeTokens, headerSize, rest.Slice(0, total)));
        rest = rest.Slice(total + 2);
        return true;
    }

    /// <summary>
    /// The size tokens at the end of a PUB/HPUB/LMSG/HMSG line, checked in nats-server's order, and
    /// whether the payload and its CR LF have fully arrived. <paramref name="sizeTokens"/> is what
    /// MSG/HMSG lines repeat: the two sizes one space apart whatever blanks the sender used.
    /// </summary>
    private bool TryReadSizes<THandler>(
        ReadOnlySpan<byte> arguments, ReadOnlySpan<Range> ranges, bool headers, in ReadOnlySequence<byte> rest, THandler handler,
        out int total, out int headerSize, out ReadOnlySpan<byte> sizeTokens)
        where THandler : IClientOpHandler
    {
        var count = ranges.Length;
        var totalToken = arguments[ranges[count - 1]];
        var headerToken = headers ? arguments[ranges[count - 2]] : default;
        total = SizeParser.Parse(totalToken);
        headerSize = headers ? SizeParser.Parse(headerToken) : -1;
        sizeTokens = totalToken;
        if (total < 0 || (headers && (headerSize < 0 || headerSize > total)))
        {
            handler.OnProtocolError(ProtocolError.MalformedArguments);
            return false;
        }

        if (total > MaxPayload)
        {
            handler.OnProtocolError(ProtocolError.MaxPayloadExceeded);
            return false;
        }

        switch (PayloadEnd(rest, total))
        {
            case LineOutcome.Incomplete:
                return false;
            case LineOutcome.Stop:
                handler.OnProtocolError(ProtocolError.UnknownOperation);
                return false;
        }

        if (headers)
        {
            sizeTokens = arguments[ranges[count - 2].Start.Value..ranges[count - 1].End.Value];
            if (sizeTokens.Length != headerToken.Length + 1 + totalToken.Length)
            {
                sizeTokens = JoinSizes(headerToken, totalToken);
            }
        }

        return true;
    }

    /// <summary>
    /// The next complete control line, LF included. False when the reader must stop: the line is not
    /// complete yet, or the bytes so far already break the protocol (reported to the handler).
    /// </summary>
    private bool TryGetLine<THandler>(in ReadOnlySequence<byte> buffer, THandler handler, out ReadOnlySpan<byte> line)
        where THandler : IClientOpHandler
    {
        var first = buffer.FirstSpan;
        var lf = first.IndexOf((byte)'\n');
        if (lf >= 0)
        {
            line = first[..(lf + 1)];
            return true;
        }

        line = default;
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            CheckPartialLine(buffer, handler);
            return false;
        }

        var length = buffer.Slice(0, position.Value).Length + 1;
        if (length > _lineScratch.Length)
        {
            // A bad op name is the first thing wrong with the line, however long it is.
            if (!IsKnownOpStart(buffer))
            {
                handler.OnProtocolError(ProtocolError.UnknownOperation);
                return false;
            }

            handler.OnProtocolError(ProtocolError.MaxControlLineExceeded);
            return false;
        }

        buffer.Slice(0, length).CopyTo(_lineScratch);
        line = _lineScratch.AsSpan(0, (int)length);
        return true;
    }

    // No LF yet. nats-server rejects a bad op name as soon as its bytes arrive, and a partial line that
    // is already longer than max_control_line, without waiting for the end of the line.
    private void CheckPartialLine<THandler>(in ReadOnlySequence<byte> buffer, THandler handler)
        where THandler : IClientOpHandler
    {
        if (!IsKnownOpStart(buffer, out var argumentsStart))
        {
            handler.OnProtocolError(ProtocolError.UnknownOperation);
        }
        else if (buffer.Length - argumentsStart > maxControlLine + PartialLineSlack)
        {
            handler.OnProtocolError(ProtocolError.MaxControlLineExceeded);
        }
    }

    private bool IsKnownOpStart(in ReadOnlySequence<byte> buffer) => IsKnownOpStart(buffer, out _);

    // Judges the op name from the first bytes, wherever the segments split them.
    private bool IsKnownOpStart(in ReadOnlySequence<byte> buffer, out int argumentsStart)
    {
        Span<byte> probe = stackalloc byte[OpNameProbe];
        var probeLength = (int)Math.Min(buffer.Length, OpNameProbe);
        buffer.Slice(0, probeLength).CopyTo(probe);
        return OpNameReader.Read(probe[..probeLength], out _, out argumentsStart, leaf, route) != OpNameStatus.Unknown;
    }

    private ReadOnlySpan<byte> JoinSizes(ReadOnlySpan<byte> headerSize, ReadOnlySpan<byte> totalSize)
    {
        headerSize.CopyTo(_sizeScratch);
        _sizeScratch[headerSize.Length] = (byte)' ';
        totalSize.CopyTo(_sizeScratch.AsSpan(headerSize.Length + 1));
        return _sizeScratch.AsSpan(0, headerSize.Length + 1 + totalSize.Length);
    }

    private static ReadOnlySpan<byte> TrimLineEnd(ReadOnlySpan<byte> line)
    {
        line = line[..^1];
        return !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    // The CR LF after a payload of `size` bytes. nats-server checks each byte as it arrives, so a
    // bare LF (or anything but CR) is refused at once instead of waiting for a second byte.
    private static LineOutcome PayloadEnd(in ReadOnlySequence<byte> rest, int size)
    {
        var arrived = (int)Math.Min(rest.Length - size, 2);
        if (arrived <= 0)
        {
            return LineOutcome.Incomplete;
        }

        Span<byte> end = stackalloc byte[2];
        rest.Slice(size, arrived).CopyTo(end);
        if (end[0] != (byte)'\r' || (arrived == 2 && end[1] != (byte)'\n'))
        {
            return LineOutcome.Stop;
        }

        return arrived == 2 ? LineOutcome.Handled : LineOutcome.Incomplete;
    }
}
