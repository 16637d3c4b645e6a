using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Benchmarks.Parsing;

/// <summary>A handler that only counts, so the benchmark measures the reader and nothing behind it.</summary>
internal readonly struct CountingHandler(CountingHandler.Totals totals) : IClientOpHandler
{
    public long Operations => totals.Operations;

    public bool HeadersEnabled => true;

    public bool IsClosing => false;

    public bool Admit(ClientOp op) => true;

    public IControlOpHandler Control => totals;

    public void OnSub(ReadOnlySpan<byte> subject, ReadOnlySpan<byte> queue, ReadOnlySpan<byte> sid) => totals.Operations++;

    public void OnUnsub(ReadOnlySpan<byte> sid, int max) => totals.Operations++;

    public void OnPublish(in InboundMessage message)
    {
        totals.Operations++;
        totals.PayloadBytes += message.Data.Length;
    }

    // The parser is measured as it runs in service, with tracing off.
    public bool Tracing => false;

    public void TraceIn(ClientOp op, ReadOnlySpan<byte> arguments)
    {
    }

    /// <summary>
    /// What the handler counted; a class, so the copies the reader makes of the handler count into
    /// one place. It takes the shared ops itself, as a connection does.
    /// </summary>
    internal sealed class Totals : IControlOpHandler
    {
        public long Operations { get; set; }

        public long PayloadBytes { get; set; }

        public void OnConnect(ReadOnlySpan<byte> json) => Operations++;

        public void OnInfo(ReadOnlySpan<byte> json) => Operations++;

        public void OnPing() => Operations++;

        public void OnPong() => Operations++;

        public void OnErr(ReadOnlySpan<byte> text) => Operations++;

        public void OnProtocolError(ProtocolError error) => throw new InvalidOperationException($"benchmark input broke the protocol: {error}");
    }
}
