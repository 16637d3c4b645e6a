using System.Text;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>The sublist: matching (spec §11), queue groups merged by name (§7.2), removal and generations.</summary>
public sealed class SubjectIndexTests
{
    private readonly SubjectIndex _index = new();

    [Theory]
    [InlineData("foo.bar", "foo.bar", true)]
    [InlineData("foo.bar", "foo", false)]
    [InlineData("foo.bar", "foo.bar.baz", false)]
    [InlineData("foo.*", "foo.bar", true)]
    [InlineData("foo.*", "foo", false)]
    [InlineData("foo.*", "foo.bar.baz", false)]
    [InlineData("foo.>", "foo.bar", true)]
    [InlineData("foo.>", "foo.bar.baz", true)]
    [InlineData("foo.>", "foo", false)]
    [InlineData("*.bar", "a.bar", true)]
    [InlineData("*.bar", "bar", false)]
    [InlineData("*.bar", "a.b.bar", false)]
    [InlineData(">", "anything.at.all", true)]
    [InlineData("*", "single", true)]
    [InlineData("*", "a.b", false)]
    [InlineData("foo*", "foo*", true)]
    [InlineData("foo*", "food", false)]
    [InlineData("a.*.c.>", "a.b.c.d.e", true)]
    [InlineData("a.*.c.>", "a.b.c", false)]
    public void Subscription_matches_the_spec_table(string pattern, string subject, bool matches)
    {
        var subscription = Add(pattern);

        var match = _index.Match(Bytes(subject));

        Assert.Equal(matches, match.Plain.Contains(subscription));
    }

    [Fact]
    public void Every_matching_subscription_is_returned_once()
    {
        var literal = Add("foo.bar");
        var single = Add("foo.*");
        var full = Add("foo.>");
        var all = Add(">");
        Add("foo.baz");

        var match = _index.Match(Bytes("foo.bar"));

        Assert.Equal(4, match.Plain.Length);
        Assert.Equal([literal, single, full, all], match.Plain.OrderBy(Order));

        int Order(Subscription s) => s == literal ? 0 : s == single ? 1 : s == full ? 2 : 3;
    }

    [Fact]
    public void Queue_members_under_different_patterns_form_one_group()
    {
        var a = Add("foo.*", "workers");
        var b = Add("foo.>", "workers");
        var c = Add("foo.bar", "auditors");

        var groups = _index.Match(Bytes("foo.bar")).QueueGroups;

        Assert.Equal(2, groups.Length);
        var workers = Assert.Single(groups, g => Encoding.ASCII.GetString(g.Name) == "workers");
        Assert.Equal(new HashSet<Subscription> { a, b }, workers.Members.ToHashSet());
        Assert.Equal([c], Assert.Single(groups, g => Encoding.ASCII.GetString(g.Name) == "auditors").Members);
    }

    [Fact]
    public void Subject_with_no_interest_matches_nothing()
    {
        Add("foo.bar");

        Assert.True(_index.Match(Bytes("bar.foo")).IsEmpty);
    }

    [Fact]
    public void Removing_drops_the_subscription_and_prunes_the_trie()
    {
        var wildcard = Add("a.*.c");
        var literal = Add("a.b.c", "q");

        Assert.True(_index.Remove(wildcard));
        Assert.True(_index.Remove(literal));

        Assert.Equal(0, _index.Count);
        Assert.True(_index.Match(Bytes("a.b.c")).IsEmpty);
    }

    [Fact]
    public void Removing_twice_reports_the_second_time()
    {
        var subscription = Add("foo");

        Assert.True(_index.Remove(subscription));
        Assert.False(_index.Remove(subscription));
    }

    [Fact]
    public void Removing_one_of_two_identical_subscriptions_keeps_the_other()
    {
        var first = Add("foo");
        var second = Add("foo");

        _index.Remove(first);

        Assert.Equal([second], _index.Match(Bytes("foo")).Plain);
    }

    [Fact]
    public void Generation_moves_on_every_insert_and_remove()
    {
        var start = _index.Generation;
        var subscription = Add("foo");
        var afterInsert = _index.Generation;
        _index.Remove(subscription);

        Assert.NotEqual(start, afterInsert);
        Assert.NotEqual(afterInsert, _index.Generation);
    }

    [Fact]
    public void Cache_returns_the_same_result_until_the_index_changes()
    {
        var cache = new MatchCache(_index);
        var first = Add("foo.*");
        var cached = cache.Match(Bytes("foo.bar"));

        Assert.Same(cached, cache.Match(Bytes("foo.bar")));

        var second = Add("foo.bar");
        var fresh = cache.Match(Bytes("foo.bar"));

        Assert.NotSame(cached, fresh);
        Assert.Equal(new HashSet<Subscription> { first, second }, fresh.Plain.ToHashSet());
    }

    [Fact]
    public async Task Concurrent_inserts_removes_and_matches_leave_a_consistent_index()
    {
        const int Writers = 4;
        const int PerWriter = 2_000;
        var kept = new Subscription[Writers][];
        var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        // Readers match through their own caches, as receive loops do, while writers churn the index.
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var cache = new MatchCache(_index);
            var subject = Bytes("load.w1.s7");
            while (!stop.IsCancellationRequested)
            {
                foreach (var subscription in cache.Match(subject).Plain)
                {
                    Assert.Equal("load.w1.s7", Encoding.ASCII.GetString(subscription.Subject));
                }
            }
        })).ToArray();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var mine = new List<Subscription>();
            for (var i = 0; i < PerWriter; i++)
            {
                var subscription = Add($"load.w{w}.s{i % 50}");
                if (i % 2 == 0)
                {
                    Assert.True(_index.Remove(subscription));
                }
                else
                {
                    mine.Add(subscription);
                }
            }

            kept[w] = [.. mine];
        })).ToArray();

        await Task.WhenAll(writers).WaitAsync(stop.Token);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(Writers * PerWriter / 2, _index.Count);
        for (var w = 0; w < Writers; w++)
        {
            for (var s = 0; s < 50; s++)
            {
                var subject = $"load.w{w}.s{s}";
                var expected = kept[w].Where(k => Encoding.ASCII.GetString(k.Subject) == subject).ToHashSet();
                Assert.Equal(expected, _index.Match(Bytes(subject)).Plain.ToHashSet());
            }
        }
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    // The index never touches a subscription's owner, so these tests need no connection.
    private Subscription Add(string subject, string? queue = null)
    {
        var subscription = new Subscription(null!, Bytes(subject), queue is null ? null : Bytes(queue), Bytes("1"));
        _index.Insert(subscription);
        return subscription;
    }
}
