namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Reads what a client sends: PUB, HPUB, SUB, UNSUB and the shared ops. The handler is a struct
/// around the connection, so this is compiled for it alone and every call is a direct one.
/// </summary>
internal sealed class ClientReader(int maxControlLine, int maxPayload)
{
    private readonly ProtocolFramer _framer = new(maxControlLine, maxPayload, ProtocolDialect.Client);

    /// <inheritdoc cref="ProtocolFramer.MaxPayload"/>
    public int MaxPayload
    {
        get => _framer.MaxPayload;
        set => _framer.MaxPayload = value;
    }

    /// <inheritdoc cref="ProtocolFramer.Read"/>
    public void Read<THandler>(ref ReadOnlySequence<byte> buffer, THandler handler)
        where THandler : struct, IClientOpHandler =>
        _framer.Read(ref buffer, new Ops<THandler>(handler));

    private readonly struct Ops<THandler>(THandler handler) : IDialect
        where THandler : struct, IClientOpHandler
    {
        public bool IsClosing => handler.IsClosing;

        public OpNameStatus ReadOpName(ReadOnlySpan<byte> head, out ClientOp op, out int argumentsStart) =>
            OpNameReader.Read(head, ProtocolDialect.Client, out op, out argumentsStart);

        public bool Admit(ClientOp op) => handler.Admit(op);

        public void OnProtocolError(ProtocolError error) => handler.Control.OnProtocolError(error);

        public LineOutcome Handle(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ProtocolFramer framer)
        {
            if (handler.Tracing)
            {
                handler.TraceIn(op, arguments);
            }

            switch (op)
            {
                case ClientOp.Pub or ClientOp.HPub:
                    return ProtocolFramer.PayloadOutcome(TryReadPublish(op, arguments, ref rest, framer), handler.IsClosing);
                case ClientOp.Sub:
                    ReadSub(arguments);
                    break;
                case ClientOp.Unsub:
                    ReadUnsub(arguments);
                    break;
                default:
                    ControlOps.Handle(op, arguments, handler.Control);
                    break;
            }

            return ProtocolFramer.ControlOutcome(handler.IsClosing);
        }

        // SUB <subject> [queue] <sid>␍␊
        private void ReadSub(ReadOnlySpan<byte> arguments)
        {
            Span<Range> ranges = stackalloc Range[3];
            var count = Arguments.Split(arguments, ranges);
            if (count is < 2 or > 3)
            {
                OnProtocolError(ProtocolError.MalformedArguments);
                return;
            }

            handler.OnSub(arguments[ranges[0]], count == 3 ? arguments[ranges[1]] : default, arguments[ranges[count - 1]]);
        }

        // UNSUB <sid> [max]␍␊
        private void ReadUnsub(ReadOnlySpan<byte> arguments)
        {
            Span<Range> ranges = stackalloc Range[2];
            var count = Arguments.Split(arguments, ranges);
            if (count is < 1 or > 2)
            {
                OnProtocolError(ProtocolError.MalformedArguments);
                return;
            }

            var max = count == 2 ? Math.Max(SizeParser.Parse(arguments[ranges[1]]), 0) : 0;
            handler.OnUnsub(arguments[ranges[0]], max);
        }

        // PUB <subject> [reply] <size>␍␊<payload>␍␊ and
        // HPUB <subject> [reply] <hdr> <total>␍␊<headers+payload>␍␊, checked in nats-server's order.
        // False when the payload is not all here yet or the stream is broken.
        private bool TryReadPublish(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ProtocolFramer framer)
        {
            var headers = op == ClientOp.HPub;
            if (headers && !handler.HeadersEnabled)
            {
                OnProtocolError(ProtocolError.MalformedArguments);
                return false;
            }

            Span<Range> ranges = stackalloc Range[4];
            var count = Arguments.Split(arguments, ranges);
            var sizeCount = headers ? 2 : 1;
            if (count < 1 + sizeCount || count > 2 + sizeCount)
            {
                OnProtocolError(ProtocolError.MalformedArguments);
                return false;
            }

            if (!framer.TryReadSizes(arguments, ranges[..count], headers, rest, this, out var total, out var headerSize, out var sizeTokens))
            {
                return false;
            }

            var reply = count == 2 + sizeCount ? arguments[ranges[1]] : default;
            handler.OnPublish(new InboundMessage(arguments[ranges[0]], reply, sizeTokens, headerSize, rest.Slice(0, total)));
            rest = rest.Slice(total + 2);
            return true;
        }
    }
}
