using System.Buffers;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Server.Clients;

internal sealed partial class ClientConnection
{
    // The longest op name, "CONNECT": enough bytes to classify an op before its line is complete.
    private const int OpNameProbe = 8;

    /// <summary>
    /// The parser: one control line at a time, payloads taken as slices of the read. A line or payload
    /// cut off by the end of the read is left in <paramref name="buffer"/> and parsed again, whole,
    /// after the next read — so a stream split at any byte parses exactly like one that is not.
    /// </summary>
    protected override bool ProcessReceived(ref ReadOnlySequence<byte> buffer)
    {
        while (!buffer.IsEmpty && !IsClosing)
        {
            var status = NextLine(buffer, out var line, out var lineLength);
            if (status == OpNameStatus.Incomplete)
            {
                return true;
            }

            if (status == OpNameStatus.Unknown)
            {
                CloseWithError(ProtocolErrors.UnknownOperation, CloseReason.ParseError);
                return false;
            }

            OpNameReader.Read(line, out var op, out var argumentsStart);
            var arguments = TrimLineEnd(line[argumentsStart..]);
            if (arguments.Length > Server.Options.MaxControlLine)
            {
                CloseWithError(ProtocolErrors.MaxControlLineExceeded, CloseReason.MaxControlLineExceeded);
                return false;
            }

            if (Server.AuthRequired && !_connectReceived && op != ClientOp.Connect)
            {
                CloseWithError(ProtocolErrors.AuthorizationViolation, CloseReason.AuthenticationViolation);
                return false;
            }

            var rest = buffer.Slice(lineLength);
            if (op is ClientOp.Pub or ClientOp.HPub)
            {
                // Consumes the payload too, or leaves the whole operation for the next read.
                if (!TryPublish(op, arguments, ref rest))
                {
                    return !IsClosing;
                }
            }
            else
            {
                Dispatch(op, arguments);
            }

            buffer = rest;
        }

        return !IsClosing;
    }

    private void Dispatch(ClientOp op, ReadOnlySpan<byte> arguments)
    {
        switch (op)
        {
            case ClientOp.Ping:
                Enqueue("PONG\r\n"u8, Batch);
                break;
            case ClientOp.Pong:
                HandlePong();
                break;
            case ClientOp.Sub:
                HandleSub(arguments);
                break;
            case ClientOp.Unsub:
                HandleUnsub(arguments);
                break;
            case ClientOp.Connect:
                HandleConnect(arguments);
                break;
            case ClientOp.Info:
                // A client's INFO is read and ignored, but must still be JSON (nats-server closes otherwise).
                if (!JsonSyntax.IsValid(arguments))
                {
                    Close(CloseReason.ParseError);
                }

                break;
            case ClientOp.Err:
                HandleErr(arguments);
                break;
            case ClientOp.Ok:
                break;
        }
    }

    /// <summary>
    /// Finds the next complete control line (up to and including LF) and classifies its op name.
    /// Incomplete: wait for more bytes; Unknown: no such op, or the partial line is already too long.
    /// </summary>
    private OpNameStatus NextLine(in ReadOnlySequence<byte> buffer, out ReadOnlySpan<byte> line, out int lineLength)
    {
        var first = buffer.FirstSpan;
        var lf = first.IndexOf((byte)'\n');
        if (lf >= 0)
        {
            line = first[..(lf + 1)];
            lineLength = lf + 1;
            return OpNameReader.Read(line, out _, out _) == OpNameStatus.Known ? OpNameStatus.Known : OpNameStatus.Unknown;
        }

        line = default;
        lineLength = 0;
        var position = buffer.PositionOf((byte)'\n');
        if (position is null)
        {
            return ClassifyPartialLine(buffer);
        }

        // A line split across pipe segments: gather it, as long as it is not beyond any allowed length.
        var length = buffer.Slice(0, position.Value).Length + 1;
        if (length > _lineScratch.Length)
        {
            CloseWithError(ProtocolErrors.MaxControlLineExceeded, CloseReason.MaxControlLineExceeded);
            return OpNameStatus.Incomplete;
        }

        buffer.Slice(0, length).CopyTo(_lineScratch);
        line = _lineScratch.AsSpan(0, (int)length);
        lineLength = (int)length;
        return OpNameReader.Read(line, out _, out _) == OpNameStatus.Known ? OpNameStatus.Known : OpNameStatus.Unknown;
    }

    // No LF yet. nats-server rejects a bad op name as soon as its bytes arrive, and a partial line
    // that is already longer than max_control_line, without waiting for the end of the line.
    private OpNameStatus ClassifyPartialLine(in ReadOnlySequence<byte> buffer)
    {
        Span<byte> probe = stackalloc byte[OpNameProbe];
        var probeLength = (int)Math.Min(buffer.Length, OpNameProbe);
        buffer.Slice(0, probeLength).CopyTo(probe);
        var status = OpNameReader.Read(probe[..probeLength], out _, out var argumentsStart);
        if (status == OpNameStatus.Unknown)
        {
            return OpNameStatus.Unknown;
        }

        if (buffer.Length - argumentsStart > Server.Options.MaxControlLine)
        {
            CloseWithError(ProtocolErrors.MaxControlLineExceeded, CloseReason.MaxControlLineExceeded);
        }

        return OpNameStatus.Incomplete;
    }

    private static ReadOnlySpan<byte> TrimLineEnd(ReadOnlySpan<byte> line)
    {
        line = line[..^1];
        return !line.IsEmpty && line[^1] == (byte)'\r' ? line[..^1] : line;
    }
}
