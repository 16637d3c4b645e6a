using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Benchmarks.Parsing;

/// <summary>Writing the MSG/HMSG control line of one delivery, the per-subscriber cost on the message path.</summary>
[MemoryDiagnoser]
public class MessageLineBenchmarks
{
    private readonly byte[] _destination = new byte[512];
    private readonly byte[] _subject = Encoding.ASCII.GetBytes("devices.pi-kitchen.bme280.temperature");
    private readonly byte[] _reply = Encoding.ASCII.GetBytes("_INBOX.Vx7kq2RZbJ1c6lKq0W8B3a.42");
    private readonly byte[] _sid = "17"u8.ToArray();
    private readonly ReadOnlySequence<byte> _data = new("NATS/1.0\r\nUnit: C\r\n\r\n21.5"u8.ToArray());

    [Benchmark(Baseline = true)]
    public int Msg() =>
        MessageLine.Write(_destination, new InboundMessage(_subject, default, "4"u8, -1, _data.Slice(21)), _sid, withHeaders: false);

    [Benchmark]
    public int MsgWithReply() =>
        MessageLine.Write(_destination, new InboundMessage(_subject, _reply, "4"u8, -1, _data.Slice(21)), _sid, withHeaders: false);

    [Benchmark]
    public int Hmsg() =>
        MessageLine.Write(_destination, new InboundMessage(_subject, default, "21 25"u8, 21, _data), _sid, withHeaders: true);

    [Benchmark]
    public int HmsgStrippedForHeaderlessSubscriber() =>
        MessageLine.Write(_destination, new InboundMessage(_subject, default, "21 25"u8, 21, _data), _sid, withHeaders: false);
}
