using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Benchmarks.Parsing;

/// <summary>
/// The client protocol reader over one read's worth of operations (about 64 KiB), whole and as a
/// pipe would hand it over in 4 KiB segments. Results are per read; divide by <c>OperationsPerRead</c>.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const int ReadSize = 64 * 1024;

    private readonly CountingHandler _handler = new(new CountingHandler.Totals());
    private ClientReader _reader = null!;
    private ReadOnlySequence<byte> _whole;
    private ReadOnlySequence<byte> _segmented;

    [Params("PUB", "HPUB", "SUB")]
    public string Op { get; set; } = "PUB";

    [Params(16, 1024)]
    public int PayloadSize { get; set; }

    public int OperationsPerRead { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var payload = new string('x', PayloadSize);
        var one = Op switch
        {
            "PUB" => $"PUB sensors.pi-kitchen.bme280.temperature _INBOX.abc {PayloadSize}\r\n{payload}\r\n",
            "HPUB" => $"HPUB sensors.pi-kitchen.bme280.temperature 21 {21 + PayloadSize}\r\nNATS/1.0\r\nUnit: C\r\n\r\n{payload}\r\n",
            _ => "SUB sensors.*.bme280.> workers 12345\r\n",
        };
        OperationsPerRead = Math.Max(1, ReadSize / one.Length);
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(one, OperationsPerRead)));
        _whole = new ReadOnlySequence<byte>(bytes);
        _segmented = Segment.Split(bytes, 4096);
        _reader = new ClientReader(4096, 1024 * 1024);
    }

    [Benchmark(Baseline = true)]
    public long Contiguous()
    {
        var buffer = _whole;
        _reader.Read(ref buffer, _handler);
        return _handler.Operations;
    }

    [Benchmark]
    public long Segmented()
    {
        var buffer = _segmented;
        _reader.Read(ref buffer, _handler);
        return _handler.Operations;
    }
}
