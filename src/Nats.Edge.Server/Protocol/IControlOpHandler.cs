namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The operations every dialect shares (CONNECT, INFO, PING, PONG, -ERR) and what the readers need
/// of any handler. Spans are valid only during the call: they point into the read buffer.
/// </summary>
internal interface IControlOpHandler
{
    /// <summary>True once the handler has decided to close; the reader stops.</summary>
    bool IsClosing { get; }

    /// <summary>Gate before each op (the auth check: CONNECT must come first); false stops the reader.</summary>
    bool Admit(ClientOp op);

    void OnConnect(ReadOnlySpan<byte> json);

    void OnInfo(ReadOnlySpan<byte> json);

    void OnPing();

    void OnPong();

    void OnErr(ReadOnlySpan<byte> text);

    void OnProtocolError(ProtocolError error);
}
