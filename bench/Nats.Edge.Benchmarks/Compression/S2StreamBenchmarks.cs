using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server.Compression;

namespace Nats.Edge.Benchmarks.Compression;

/// <summary>
/// A link's S2 compression carrying 1,000 JSON sensor readings
/// (<c>{"sensor":"pi-07/temp","value":21.53,"unit":"C","ts":1733616000123}</c>, values drifting), flushed
/// 100 at a time, as a busy link batches them, or one at a time, the worst case: every flush is a block
/// of its own and S2 blocks share no history. Per operation: all 1,000 readings (about 70 KB) through one
/// long-lived stream. The compression ratio is printed at setup, as
/// <c>// S2 ratio: … readings per flush: … compressed/uncompressed</c>.
/// </summary>
[MemoryDiagnoser]
public class S2StreamBenchmarks
{
    private const int Readings = 1000;

    private byte[][] _flushes = [];
    private CountingSink _sink = null!;
    private S2Stream _writer = null!;
    private MemoryStream _wire = null!;
    private S2Stream _reader = null!;
    private readonly byte[] _readBuffer = new byte[16 * 1024];

    [Params(1, 100)]
    public int ReadingsPerFlush { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _flushes = new byte[Readings / ReadingsPerFlush][];
        for (var f = 0; f < _flushes.Length; f++)
        {
            var text = new StringBuilder();
            for (var i = f * ReadingsPerFlush; i < (f + 1) * ReadingsPerFlush; i++)
            {
                text.Append(Reading(i));
            }

            _flushes[f] = Encoding.ASCII.GetBytes(text.ToString());
        }

        _sink = new CountingSink();
        _writer = new S2Stream(_sink);

        var recorded = new MemoryStream();
        using (var once = new S2Stream(recorded, leaveOpen: true))
        {
            foreach (var flush in _flushes)
            {
                once.Write(flush);
                once.Flush();
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"// S2 ratio: {(double)once.CompressedBytesWritten / once.UncompressedBytesWritten:P1} readings per flush: {ReadingsPerFlush} ({once.CompressedBytesWritten} of {once.UncompressedBytesWritten} bytes)"));
        }

        _wire = new MemoryStream(recorded.ToArray(), writable: false);
        _reader = new S2Stream(_wire);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _reader.Dispose();
    }

    [Benchmark]
    public long Encode()
    {
        foreach (var flush in _flushes)
        {
            _writer.Write(flush);
            _writer.Flush();
        }

        return _sink.Written;
    }

    /// <summary>The recorded stream again each time: a stream may carry its identifier more than once.</summary>
    [Benchmark]
    public long Decode()
    {
        _wire.Position = 0;
        long total = 0;
        int read;
        while ((read = _reader.Read(_readBuffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string Reading(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"sensor\":\"pi-{i % 12:00}/{Kinds[i % Kinds.Length]}\",\"value\":{20 + ((i * 37) % 1000 / 100.0):0.00},\"unit\":\"{Units[i % Kinds.Length]}\",\"ts\":{1733616000123L + (i * 250L)}}}\n");

    private static readonly string[] Kinds = ["temp", "humidity", "pressure", "co2"];
    private static readonly string[] Units = ["C", "%", "hPa", "ppm"];

    // A wire that takes everything and keeps only the count.
    private sealed class CountingSink : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }
}
