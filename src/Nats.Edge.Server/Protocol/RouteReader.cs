namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Reads what a route peer sends: RS+, RS-, RMSG and HMSG, each naming its account first, and the
/// shared ops; in the gateway dialect also A+ and A-, which name only an account. A client's PUB, SUB
/// and UNSUB are known names, as in nats-server's parser, and refused once admitted.
/// </summary>
internal sealed class RouteReader(int maxControlLine, int maxPayload, ProtocolDialect dialect = ProtocolDialect.Route)
{
    private readonly ProtocolFramer _framer = new(maxControlLine, maxPayload, dialect);

    /// <inheritdoc cref="ProtocolFramer.Read"/>
    public void Read<THandler>(ref ReadOnlySequence<byte> buffer, THandler handler)
        where THandler : struct, IRouteOpHandler =>
        _framer.Read(ref buffer, new Ops<THandler>(handler, dialect));

    private readonly struct Ops<THandler>(THandler handler, ProtocolDialect dialect) : IDialect
        where THandler : struct, IRouteOpHandler
    {
        public bool IsClosing => handler.IsClosing;

        public OpNameStatus ReadOpName(ReadOnlySpan<byte> head, out ClientOp op, out int argumentsStart) =>
            OpNameReader.Read(head, dialect, out op, out argumentsStart);

        public bool Admit(ClientOp op) => handler.Admit(op);

        public void OnProtocolError(ProtocolError error) => handler.Control.OnProtocolError(error);

        public LineOutcome Handle(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ProtocolFramer framer)
        {
            if (op is ClientOp.AccountSub or ClientOp.AccountUnsub)
            {
                // A+ <account> / A- <account>: one token, nothing after it.
                var name = arguments.Trim(" \t"u8);
                if (name.IsEmpty || name.IndexOfAny(" \t"u8) >= 0)
                {
                    OnProtocolError(ProtocolError.MalformedArguments);
                    return LineOutcome.Stop;
                }

                handler.OnAccountInterest(name, op == ClientOp.AccountSub);
                return ProtocolFramer.ControlOutcome(handler.IsClosing);
            }

            if (op is not (ClientOp.LeafSub or ClientOp.LeafUnsub or ClientOp.LeafMsg or ClientOp.LeafHMsg))
            {
                if (!ControlOps.Handle(op, arguments, handler.Control))
                {
                    // A client's own ops have no place on a route.
                    OnProtocolError(ProtocolError.UnknownOperation);
                }

                return ProtocolFramer.ControlOutcome(handler.IsClosing);
            }

            // The account comes first; the rest reads as a leafnode link's op.
            var blank = arguments.IndexOfAny(" \t"u8);
            if (blank <= 0)
            {
                OnProtocolError(ProtocolError.MalformedArguments);
                return LineOutcome.Stop;
            }

            var account = arguments[..blank];
            arguments = arguments[blank..].TrimStart(" \t"u8);
            switch (op)
            {
                case ClientOp.LeafMsg or ClientOp.LeafHMsg:
                    var read = LinkArguments.TryReadMessage(
                        framer, op == ClientOp.LeafHMsg, arguments, ref rest, this, out var message, out var queues, out var queueForm);
                    if (read)
                    {
                        handler.OnRouteMessage(account, message, queues, queueForm);
                    }

                    return ProtocolFramer.PayloadOutcome(read, handler.IsClosing);
                case ClientOp.LeafSub:
                    if (LinkArguments.TryReadInterest(arguments, out var subject, out var queue, out var weight))
                    {
                        handler.OnRouteSub(account, subject, queue, weight);
                    }
                    else
                    {
                        OnProtocolError(ProtocolError.MalformedArguments);
                    }

                    break;
                default:
                    if (LinkArguments.TryReadInterestEnd(arguments, out var gone, out var goneQueue))
                    {
                        handler.OnRouteUnsub(account, gone, goneQueue);
                    }
                    else
                    {
                        OnProtocolError(ProtocolError.MalformedArguments);
                    }

                    break;
            }

            return ProtocolFramer.ControlOutcome(handler.IsClosing);
        }
    }
}
