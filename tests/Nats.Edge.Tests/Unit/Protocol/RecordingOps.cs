using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The recording handler as each dialect's reader takes it: a struct, as the connections hand theirs over.</summary>
internal readonly struct RecordingOps(RecordingOpHandler recorder) : IClientOpHandler, ILeafOpHandler, IRouteOpHandler
{
    public bool IsClosing => recorder.IsClosing;

    public bool HeadersEnabled => recorder.HeadersEnabled;

    public bool Admit(ClientOp op) => recorder.Admit(op);

    public IControlOpHandler Control => recorder;

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) => recorder.OnSub(subject, queue, sid);

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => recorder.OnUnsub(sid, max);

    public void OnPublish(in InboundMessage message) => recorder.OnPublish(message);

    // The reader tests record operations, not trace lines: tracing stays off, so TraceIn is never called.
    public bool Tracing => false;

    public void TraceIn(ClientOp op, ReadOnlySpan<byte> arguments)
    {
    }

    public void OnLeafSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) => recorder.OnLeafSub(subject, queue, weight);

    public void OnLeafUnsub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) => recorder.OnLeafUnsub(subject, queue);

    public void OnLeafMessage(in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) => recorder.OnLeafMessage(message, queues, queueForm);

    public void OnRouteSub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, int weight) =>
        recorder.OnRouteSub(account, subject, queue, weight);

    public void OnRouteUnsub(ReadOnlySpan<byte> account, ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue) =>
        recorder.OnRouteUnsub(account, subject, queue);

    public void OnRouteMessage(ReadOnlySpan<byte> account, in InboundMessage message, ReadOnlySpan<byte> queues, bool queueForm) =>
        recorder.OnRouteMessage(account, message, queues, queueForm);
}
