namespace Nats.Edge.Server.Protocol;

/// <summary>
/// What <see cref="ClientReader"/> calls for a client's own operations. Every span is valid only
/// during the call: it points into the read buffer.
/// </summary>
internal interface IClientOpHandler : IOpHandler
{
    /// <summary>Whether HPUB is acceptable (the client said <c>headers:true</c>).</summary>
    bool HeadersEnabled { get; }

    /// <summary>SUB; <paramref name="queue"/> is empty for a plain subscription.</summary>
    void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid);

    /// <summary>UNSUB; <paramref name="max"/> is 0 when absent or not a number (remove now).</summary>
    void OnUnsub(ReadOnlySpan<byte> sid, int max);

    void OnPublish(in InboundMessage message);

    /// <summary>Whether the log traces the protocol; read once per operation, so <see cref="TraceIn"/> costs nothing when off.</summary>
    bool Tracing { get; }

    /// <summary>Traces an operation as it came, before it is handled.</summary>
    void TraceIn(ClientOp op, ReadOnlySpan<byte> arguments);
}
