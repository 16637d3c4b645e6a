namespace Nats.Edge.Server.Protocol;

/// <summary>The ways a client's byte stream can break the protocol; each one ends the connection.</summary>
internal enum ProtocolError
{
    /// <summary>Bad op name or framing: 'Unknown Protocol Operation'.</summary>
    UnknownOperation,

    /// <summary>Control line longer than max_control_line: 'maximum control line exceeded'.</summary>
    MaxControlLineExceeded,

    /// <summary>PUB/HPUB size above max_payload: 'Maximum Payload Violation'.</summary>
    MaxPayloadExceeded,

    /// <summary>Malformed arguments of a known op: nats-server closes without an -ERR.</summary>
    MalformedArguments,
}
