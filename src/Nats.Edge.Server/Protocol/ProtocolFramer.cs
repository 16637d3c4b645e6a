namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Cuts a connection's byte stream into control lines and payloads for its dialect's reader
/// (https://docs.nats.io/reference/reference-protocols/nats-protocol): one control line at a time,
/// payloads handed on as slices of the read. An operation cut off by the end of the read is left in
/// the buffer and read again, whole, once more bytes arrived — so a stream split at any byte reads
/// exactly like one that is not. One per connection; not thread-safe.
/// </summary>
internal sealed class ProtocolFramer(int maxControlLine, int maxPayload, ProtocolDialect dialect)
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
    /// The largest payload an op may announce. A config reload lowers or raises it for connections
    /// already open, as nats-server does; written by the reloading thread, read by the receive loop.
    /// </summary>
    public int MaxPayload { get; set; } = maxPayload;

    /// <summary>
    /// Hands every complete operation in <paramref name="buffer"/> to <paramref name="reader"/> and
    /// slices off what it consumed; what is left is an incomplete operation for the next read.
    /// </summary>
    public void Read<TDialect>(ref ReadOnlySequence<byte> buffer, TDialect reader)
        where TDialect : struct, IDialect
    {
        while (!buffer.IsEmpty && !reader.IsClosing)
        {
            // Most operations lie whole inside the first segment: walk those with plain offsets and
            // slice the sequence once, instead of several sequence slices per operation.
            var consumed = ReadWithinSegment(buffer.First, reader, out var stopped);
            if (consumed > 0)
            {
                buffer = buffer.Slice(consumed);
            }

            if (stopped || reader.IsClosing)
            {
                return;
            }

            if (consumed > 0)
            {
                continue;
            }

            // The next operation straddles segments, or has not fully arrived.
            if (!TryGetLine(buffer, reader, out var line))
            {
                return;
            }

            var rest = buffer.Slice(line.Length);
            if (HandleLine(line, ref rest, reader) != LineOutcome.Handled)
            {
                return;
            }

            buffer = rest;
        }
    }

    /// <summary>
    /// Reads the size tokens that end a PUB/HPUB/LMSG/RMSG/HMSG line, checked in nats-server's order,
    /// and whether the payload and its CR LF have fully arrived. <paramref name="sizeTokens"/> is what
    /// MSG/HMSG lines repeat: the two sizes one space apart whatever blanks the sender used.
    /// </summary>
    public bool TryReadSizes<THandler>(
        ReadOnlySpan<byte> arguments, scoped ReadOnlySpan<Range> ranges, bool headers, in ReadOnlySequence<byte> rest, THandler handler,
        out int total, out int headerSize, out ReadOnlySpan<byte> sizeTokens)
        where THandler : IDialect
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

    /// <summary>What a payload op's read comes to: handled, broken (the handler is closing) or waiting for bytes.</summary>
    public static LineOutcome PayloadOutcome(bool read, bool closing) =>
        read ? LineOutcome.Handled : closing ? LineOutcome.Stop : LineOutcome.Incomplete;

    /// <summary>What an op without a payload comes to: read on unless the handler is closing.</summary>
    public static LineOutcome ControlOutcome(bool closing) => closing ? LineOutcome.Stop : LineOutcome.Handled;

    // Returns how many bytes of whole operations it handled at the start of the segment;
    // stopped says an operation was refused or broke the stream, so nothing more is to be read.
    private int ReadWithinSegment<TDialect>(ReadOnlyMemory<byte> segment, TDialect reader, out bool stopped)
        where TDialect : struct, IDialect
    {
        var span = segment.Span;
        var consumed = 0;
        stopped = false;
        while (consumed < span.Length && !reader.IsClosing)
        {
            var lf = span[consumed..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            var lineEnd = consumed + lf + 1;
            var rest = new ReadOnlySequence<byte>(segment[lineEnd..]);
            var outcome = HandleLine(span[consumed..lineEnd], ref rest, reader);
            if (outcome != LineOutcome.Handled)
            {
                stopped = outcome == LineOutcome.Stop;
                break;
            }

            consumed = span.Length - (int)rest.Length;
        }

        return consumed;
    }

    // One complete control line (LF included); rest is what follows it and, for an op with a
    // payload, is moved past the payload.
    private LineOutcome HandleLine<TDialect>(ReadOnlySpan<byte> line, ref ReadOnlySequence<byte> rest, TDialect reader)
        where TDialect : struct, IDialect
    {
        if (reader.ReadOpName(line, out var op, out var argumentsStart) != OpNameStatus.Known)
        {
            reader.OnProtocolError(ProtocolError.UnknownOperation);
            return LineOutcome.Stop;
        }

        var arguments = TrimLineEnd(line[argumentsStart..]).TrimStart(" \t"u8);
        if (arguments.Length > maxControlLine)
        {
            reader.OnProtocolError(ProtocolError.MaxControlLineExceeded);
            return LineOutcome.Stop;
        }

        if (!reader.Admit(op))
        {
            return LineOutcome.Stop;
        }

        return reader.Handle(op, arguments, ref rest, this);
    }

    private bool TryGetLine<TDialect>(in ReadOnlySequence<byte> buffer, TDialect reader, out ReadOnlySpan<byte> line)
        where TDialect : struct, IDialect
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
            CheckPartialLine(buffer, reader);
            return false;
        }

        var length = buffer.Slice(0, position.Value).Length + 1;
        if (length > _lineScratch.Length)
        {
            // A bad op name is the first thing wrong with the line, however long it is.
            reader.OnProtocolError(IsKnownOpStart(buffer, out _) ? ProtocolError.MaxControlLineExceeded : ProtocolError.UnknownOperation);
            return false;
        }

        buffer.Slice(0, length).CopyTo(_lineScratch);
        line = _lineScratch.AsSpan(0, (int)length);
        return true;
    }

    // No LF yet. nats-server rejects a bad op name as soon as its bytes arrive, and a partial line that
    // is already longer than max_control_line, without waiting for the end of the line.
    private void CheckPartialLine<TDialect>(in ReadOnlySequence<byte> buffer, TDialect reader)
        where TDialect : struct, IDialect
    {
        if (!IsKnownOpStart(buffer, out var argumentsStart))
        {
            reader.OnProtocolError(ProtocolError.UnknownOperation);
        }
        else if (buffer.Length - argumentsStart > maxControlLine + PartialLineSlack)
        {
            reader.OnProtocolError(ProtocolError.MaxControlLineExceeded);
        }
    }

    // Judges the op name from the first bytes, wherever the segments split them.
    private bool IsKnownOpStart(in ReadOnlySequence<byte> buffer, out int argumentsStart)
    {
        Span<byte> probe = stackalloc byte[OpNameProbe];
        var probeLength = (int)Math.Min(buffer.Length, OpNameProbe);
        buffer.Slice(0, probeLength).CopyTo(probe);
        return OpNameReader.Read(probe[..probeLength], dialect, out _, out argumentsStart) != OpNameStatus.Unknown;
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
        // Mostly the payload and its CR LF sit in the first segment: no slicing of the sequence then.
        var first = rest.FirstSpan;
        if (first.Length - size >= 2)
        {
            return first[size] == (byte)'\r' && first[size + 1] == (byte)'\n' ? LineOutcome.Handled : LineOutcome.Stop;
        }

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
