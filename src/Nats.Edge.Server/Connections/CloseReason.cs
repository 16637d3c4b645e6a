namespace Nats.Edge.Server.Connections;

/// <summary>Why a connection ended, in nats-server's /connz vocabulary.</summary>
internal enum CloseReason
{
    ClientClosed,
    ReadError,
    WriteError,
    ProtocolViolation,
    ParseError,
    AuthenticationTimeout,
    AuthenticationViolation,
    MaxPayloadExceeded,
    MaxConnectionsExceeded,
    MaxControlLineExceeded,
    SlowConsumerPendingBytes,
    SlowConsumerWriteDeadline,
    StaleConnection,
    TlsHandshakeError,
    ServerShutdown,
    DuplicateRoute,
    ClusterNameConflict,
    RouteToSelf,

    /// <summary>A fault in the server while handling this connection's input; logged, the connection closed.</summary>
    InternalError,
}
