namespace Nats.Edge.Server.Protocol;

/// <summary>
/// The operations every dialect shares (CONNECT, INFO, PING, PONG, -ERR) and a broken stream. They
/// are rare next to messages and interest, so they reach the connection through this interface
/// rather than through each dialect's struct handler. Spans are valid only during the call: they
/// point into the read buffer.
/// </summary>
internal interface IControlOpHandler
{
    void OnConnect(ReadOnlySpan<byte> json);

    void OnInfo(ReadOnlySpan<byte> json);

    void OnPing();

    void OnPong();

    void OnErr(ReadOnlySpan<byte> text);

    void OnProtocolError(ProtocolError error);
}
