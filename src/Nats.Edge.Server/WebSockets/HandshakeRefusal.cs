namespace Nats.Edge.Server.WebSockets;

/// <summary>An upgrade request turned down: the HTTP status nats-server answers with (0: none, the connection just closes), and the reason it logs.</summary>
internal sealed class HandshakeRefusal(int status, string reason)
{
    public int Status { get; } = status;

    public string Reason { get; } = reason;

    /// <summary>
    /// The answer, shaped as nats-server's (Go's http.Error): the status text as a plain-text body and
    /// the WebSocket version the server speaks. The connection closes after it.
    /// </summary>
    public byte[] Response()
    {
        var text = Status switch
        {
            403 => "Forbidden",
            405 => "Method Not Allowed",
            _ => "Bad Request",
        };
        return Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {Status} {text}\r\nContent-Type: text/plain; charset=utf-8\r\nSec-Websocket-Version: 13\r\nX-Content-Type-Options: nosniff\r\n" +
            $"Connection: close\r\nContent-Length: {text.Length + 1}\r\n\r\n{text}\n");
    }
}
