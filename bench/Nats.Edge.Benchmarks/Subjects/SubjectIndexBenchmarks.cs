using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Benchmarks.Subjects;

/// <summary>
/// Matching a published subject against 10, 1k and 100k subscriptions shaped like a fleet of boards,
/// all literal (<c>devices.board-N.sensor-M.temperature</c>), all with a '*'
/// (<c>devices.board-N.*.temperature</c>) or all with a '>' (<c>devices.board-N.&gt;</c>). The published
/// subject reaches exactly one of them. <c>CacheHit</c> is the message path; the walks are what a
/// cache miss costs.
/// </summary>
[MemoryDiagnoser]
public class SubjectIndexBenchmarks
{
    private SubjectIndex _index = null!;
    private MatchCache _cache = null!;
    private byte[] _subject = [];
    private byte[] _unknown = [];

    [Params(10, 1_000, 100_000)]
    public int Subscriptions { get; set; }

    [Params("literal", "*", ">")]
    public string Pattern { get; set; } = "literal";

    [GlobalSetup]
    public void Setup()
    {
        _index = new SubjectIndex();
        for (var i = 0; i < Subscriptions; i++)
        {
            var board = Pattern == "literal" ? i / 10 : i;
            var subject = Pattern switch
            {
                "literal" => $"devices.board-{board}.sensor-{i % 10}.temperature",
                "*" => $"devices.board-{board}.*.temperature",
                _ => $"devices.board-{board}.>",
            };

            // The index never looks at a subscription's owner; benchmarks have no connection to give it.
            _index.Insert(new Subscription(null!, Bytes(subject), null, Bytes(i.ToString(CultureInfo.InvariantCulture))));
        }

        var target = Subscriptions / 2;
        _subject = Pattern == "literal"
            ? Bytes($"devices.board-{target / 10}.sensor-{target % 10}.temperature")
            : Bytes($"devices.board-{target}.sensor-3.temperature");
        _unknown = Bytes("factory.line-7.press.pressure");
        _cache = new MatchCache(_index);
        _cache.Match(_subject);
    }

    [Benchmark(Baseline = true)]
    public int CacheHit() => _cache.Match(_subject).Plain.Length;

    [Benchmark]
    public int WalkOnMiss() => _index.Match(_subject).Plain.Length;

    [Benchmark]
    public int WalkNoInterest() => _index.Match(_unknown).Plain.Length;

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
