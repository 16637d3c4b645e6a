using Nats.Edge.Server.Connections;

namespace Nats.Edge.Server.WebSockets;

/// <summary>
/// What a server's close frame says when it ends a WebSocket connection: the RFC 6455 status code
/// nats-server picks for the reason, and the reason in nats-server's /connz words. Without a close
/// frame a browser reports every end as abnormal (1006), whatever the cause.
/// </summary>
internal static class CloseStatus
{
    /// <summary>The status code and text for <paramref name="reason"/>, as nats-server sends them.</summary>
    public static (ushort Status, string Text) For(CloseReason reason) => reason switch
    {
        CloseReason.ClientClosed => (1000, "Client Closed"),
        CloseReason.ServerShutdown => (1001, "Server Shutdown"),
        CloseReason.ProtocolViolation => (1002, "Protocol Violation"),
        CloseReason.ParseError => (1002, "Parse Error"),
        // 1006 is meant for no close frame at all, but nats-server sends it for a broken or stale connection.
        CloseReason.ReadError => (1006, "Read Error"),
        CloseReason.WriteError => (1006, "Write Error"),
        CloseReason.StaleConnection => (1006, "Stale Connection"),
        CloseReason.AuthenticationTimeout => (1008, "Authentication Timeout"),
        CloseReason.AuthenticationViolation => (1008, "Authentication Failure"),
        CloseReason.MaxConnectionsExceeded => (1008, "Maximum Connections Exceeded"),
        CloseReason.MaxControlLineExceeded => (1008, "Maximum Control Line Exceeded"),
        CloseReason.SlowConsumerPendingBytes => (1008, "Slow Consumer (Pending Bytes)"),
        CloseReason.SlowConsumerWriteDeadline => (1008, "Slow Consumer (Write Deadline)"),
        CloseReason.MaxPayloadExceeded => (1009, "Maximum Message Payload Exceeded"),
        CloseReason.TlsHandshakeError => (1015, "TLS Handshake Failure"),
        CloseReason.DuplicateRoute => (1011, "Duplicate Route"),
        CloseReason.ClusterNameConflict => (1011, "Cluster Name Conflict"),
        // Reasons nats-server has no name for get its fallback.
        _ => (1011, "Unknown State"),
    };
}
