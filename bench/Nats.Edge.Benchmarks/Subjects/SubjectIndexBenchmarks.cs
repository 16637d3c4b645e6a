using System.Text;
using BenchmarkDotNet.Attributes;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Benchmarks.Subjects;

/// <summary>
/// Matching a published subject against an index of 10, 1k and 100k subscriptions shaped like a
/// fleet of boards (<c>devices.board-N.sensor-M.temperature</c>) plus a few wildcard watchers.
/// <c>CacheHit</c> is the message path; the others are what a cache miss costs.
/// </summary>
[MemoryDiagnoser]
public class SubjectIndexBenchmarks
{
    private SubjectIndex _index = null!;
    private MatchCache _cache = null!;
    private byte[] _literal = [];
    private byte[] _unknown = [];

    [Params(10, 1_000, 100_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new SubjectIndex();
        var sid = 0;
        for (var i = 0; i < Subscriptions; i++)
        {
            Add($"devices.board-{i / 10}.sensor-{i % 10}.temperature", null, ref sid);
        }

        Add("devices.*.sensor-3.temperature", null, ref sid);
        Add("devices.board-1.>", null, ref sid);
        Add("devices.>", "archivers", ref sid);
        _literal = Encoding.ASCII.GetBytes($"devices.board-{Subscriptions / 20}.sensor-3.temperature");
        _unknown = Encoding.ASCII.GetBytes("factory.line-7.press.pressure");
        _cache = new MatchCache(_index);
        _cache.Match(_literal);
    }

    [Benchmark(Baseline = true)]
    public int CacheHit() => _cache.Match(_literal).Plain.Length;

    [Benchmark]
    public int WalkLiteralAndWildcards() => _index.Match(_literal).Plain.Length;

    [Benchmark]
    public int WalkNoInterest() => _index.Match(_unknown).Plain.Length;

    private void Add(string subject, string? queue, ref int sid)
    {
        // The index never looks at a subscription's owner; benchmarks have no connection to give it.
        _index.Insert(new Subscription(
            null!, Encoding.ASCII.GetBytes(subject), queue is null ? null : Encoding.ASCII.GetBytes(queue), Encoding.ASCII.GetBytes((++sid).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
