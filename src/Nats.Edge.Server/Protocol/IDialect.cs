namespace Nats.Edge.Server.Protocol;

/// <summary>
/// One dialect's part of reading (client, leafnode or route): which op names it knows and what it
/// does with a whole line. A dialect is a struct around its handler, so <see cref="ProtocolFramer"/>
/// is compiled once per dialect and its calls go straight to the handler, with no interface dispatch.
/// </summary>
internal interface IDialect
{
    bool IsClosing { get; }

    OpNameStatus ReadOpName(ReadOnlySpan<byte> head, out ClientOp op, out int argumentsStart);

    bool Admit(ClientOp op);

    /// <summary>
    /// Handles one op whose control line is whole. <paramref name="rest"/> is what follows the line;
    /// an op with a payload moves it past the payload, or leaves it and says Incomplete.
    /// </summary>
    LineOutcome Handle(ClientOp op, ReadOnlySpan<byte> arguments, ref ReadOnlySequence<byte> rest, ProtocolFramer framer);

    void OnProtocolError(ProtocolError error);
}
