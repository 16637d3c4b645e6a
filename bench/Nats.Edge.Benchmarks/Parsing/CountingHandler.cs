using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Benchmarks.Parsing;

/// <summary>A handler that only counts, so the benchmark measures the reader and nothing behind it.</summary>
internal sealed class CountingHandler : IClientOpHandler
{
    public long Operations { get; private set; }

    public long PayloadBytes { get; private set; }

    public bool HeadersEnabled => true;

    public bool IsClosing => false;

    public bool Admit(ClientOp op) => true;

    public void OnConnect(ReadOnlySpan<byte> json) => Operations++;

    public void OnInfo(ReadOnlySpan<byte> json) => Operations++;

    public void OnPing() => Operations++;

    public void OnPong() => Operations++;

    public void OnErr(ReadOnlySpan<byte> text) => Operations++;

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) => Operations++;

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => Operations++;

    public void OnPublish(in InboundMessage message)
    {
        Operations++;
        PayloadBytes += message.Data.Length;
    }

    public void OnProtocolError(ProtocolError error) => throw new InvalidOperationException($"benchmark input broke the protocol: {error}");
}
