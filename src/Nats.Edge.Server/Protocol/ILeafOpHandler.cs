namespace Nats.Edge.Server.Protocol;

/// <summary>What <see cref="LeafReader"/> calls for a leafnode link's ops. Spans are valid only during the call.</summary>
internal interface ILeafOpHandler : IOpHandler
{
    /// <summary><c>LS+ subject [queue weight]</c>: interest of the far side; weight is 0 without a queue.</summary>
    void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight);

    /// <summary><c>LS- subject [queue]</c>: that interest is gone.</summary>
    void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue);

    /// <summary>
    /// LMSG or HMSG. <paramref name="queues"/> lists the queue groups the sender chose this side for,
    /// blank-separated; <paramref name="queueForm"/> says the message used the <c>+</c>/<c>|</c> form.
    /// </summary>
    void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm);
}
