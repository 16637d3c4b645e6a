namespace Nats.Edge.Server.Protocol;

/// <summary>What <see cref="ClientProtocolReader"/> calls for each operation it reads. Every span is
/// valid only during the call: it points into the read buffer.</summary>
internal interface IClientOpHandler
{
    /// <summary>Whether HPUB is acceptable (the client said <c>headers:true</c>).</summary>
    bool HeadersEnabled { get; }

    /// <summary>True once the handler has decided to close; the reader stops.</summary>
    bool IsClosing { get; }

    /// <summary>Gate before each op (the auth check: CONNECT must come first); false stops the reader.</summary>
    bool Admit(ClientOp op);

    void OnConnect(ReadOnlySpan<byte> json);

    void OnInfo(ReadOnlySpan<byte> json);

    void OnPing();

    void OnPong();

    void OnErr(ReadOnlySpan<byte> text);

    /// <summary>SUB; <paramref name="queue"/> is empty for a plain subscription.</summary>
    void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid);

    /// <summary>UNSUB; <paramref name="max"/> is 0 when absent or not a number (remove now).</summary>
    void OnUnsub(ReadOnlySpan<byte> sid, int max);

    void OnPublish(in InboundMessage message);

    void OnProtocolError(ProtocolError error);
}
