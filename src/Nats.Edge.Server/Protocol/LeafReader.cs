namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Reads what a leafnode peer sends: LS+, LS-, LMSG, HMSG and the shared ops. A client's PUB, SUB
/// and UNSUB are known names here too, as in nats-server's parser, and refused once admitted.
/// </summary>
internal sealed class LeafReader(int maxControlLine, int maxPayload)
{
    private readonly ProtocolFramer _framer = new(maxControlLine, maxPayload, ProtocolDialect.Leaf);

    /// <inheritdoc cref="ProtocolFramer.Read"/>
    public void Read<THandler>(ref ReadOnlySequence<byte> buffer, THandler handler)
        where THandler : struct, ILeafOpHandler =>
        _framer.Read(ref buffer, new Ops<THandler>(handler));

    private readonly struct Ops<THandler>(THandler handler) : IDialect
        where THandler : struct, ILeafOpHandler
    {
        public bool IsClosing => handler.IsClosing;

        public OpNameStatus ReadOpName(ReadOnlySpan<byte> head, out ClientOp op, out int argumentsStart) =>
            OpNameReader.Read(head, ProtocolDialect.Leaf, out op, out argumentsStart);

        public bool Admit(ClientOp op) => handler.Admit(op);

        public void OnProtocolError(ProtocolError error) => handler.Control.OnProtocolError(error);

        public LineOutcome Handle(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ProtocolFramer framer)
        {
            switch (op)
            {
                case ClientOp.LeafMsg or ClientOp.LeafHMsg:
                    var read = LinkArguments.TryReadMessage(
                        framer, op == ClientOp.LeafHMsg, arguments, ref rest, this, out var message, out var queues, out var queueForm);
                    if (read)
                    {
                        handler.OnLeafMessage(message, queues, queueForm);
                    }

                    return ProtocolFramer.PayloadOutcome(read, handler.IsClosing);
                case ClientOp.LeafSub:
                    if (LinkArguments.TryReadInterest(arguments, out var subject, out var queue, out var weight))
                    {
                        handler.OnLeafSub(subject, queue, weight);
                    }
                    else
                    {
                        OnProtocolError(ProtocolError.MalformedArguments);
                    }

                    break;
                case ClientOp.LeafUnsub:
                    if (LinkArguments.TryReadInterestEnd(arguments, out var gone, out var goneQueue))
                    {
                        handler.OnLeafUnsub(gone, goneQueue);
                    }
                    else
                    {
                        OnProtocolError(ProtocolError.MalformedArguments);
                    }

                    break;
                default:
                    if (!ControlOps.Handle(op, arguments, handler.Control))
                    {
                        // A client's own ops have no place on a link.
                        OnProtocolError(ProtocolError.UnknownOperation);
                    }

                    break;
            }

            return ProtocolFramer.ControlOutcome(handler.IsClosing);
        }
    }
}
