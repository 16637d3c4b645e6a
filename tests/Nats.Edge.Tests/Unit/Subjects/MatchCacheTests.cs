using Nats.Edge.Server.Subjects;
using static Nats.Edge.Tests.Unit.Subjects.TestSubscriptions;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>A connection's memo of match results, dropped when the index changes.</summary>
public class MatchCacheTests
{
    [Fact]
    public void Cache_hit_returns_the_same_result_instance()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        var cache = new MatchCache(index);
        Assert.Same(cache.Match("foo"u8), cache.Match("foo"u8));
    }

    [Fact]
    public void Cache_miss_asks_the_index()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo.*", "1"));
        Assert.Equal("1", Describe(new MatchCache(index).Match("foo.bar"u8)));
    }

    [Fact]
    public void After_an_insert_the_cache_returns_a_new_result_with_the_new_subscription()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        var cache = new MatchCache(index);
        var before = cache.Match("foo"u8);
        index.Insert(Plain(">", "2"));
        var after = cache.Match("foo"u8);
        Assert.NotSame(before, after);
        Assert.Equal("1 2", Describe(after));
    }

    [Fact]
    public void After_a_remove_the_cache_no_longer_returns_the_removed_subscription()
    {
        var index = new SubjectIndex();
        var gone = Plain("foo", "1");
        index.Insert(gone);
        var cache = new MatchCache(index);
        cache.Match("foo"u8);
        index.Remove(gone);
        Assert.True(cache.Match("foo"u8).IsEmpty);
    }

    [Fact]
    public void Results_already_handed_out_do_not_change()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        var cache = new MatchCache(index);
        var before = cache.Match("foo"u8);
        index.Insert(Plain("foo", "2"));
        cache.Match("foo"u8);
        Assert.Equal("1", Describe(before));
    }

    [Fact]
    public void Caches_of_one_index_share_its_changes()
    {
        var index = new SubjectIndex();
        var first = new MatchCache(index);
        var second = new MatchCache(index);
        first.Match("foo"u8);
        second.Match("foo"u8);
        index.Insert(Plain("foo", "1"));
        Assert.Equal("1", Describe(first.Match("foo"u8)));
        Assert.Equal("1", Describe(second.Match("foo"u8)));
    }

    [Fact]
    public void Cache_stays_correct_past_its_capacity()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("s.*", "1"));
        var cache = new MatchCache(index);
        // More distinct subjects than the cache holds (1024), so it must have started over.
        for (var i = 0; i < 1500; i++)
        {
            Assert.Equal("1", Describe(cache.Match(System.Text.Encoding.ASCII.GetBytes($"s.{i}"))));
        }

        Assert.Equal("1", Describe(cache.Match("s.0"u8)));
        Assert.True(cache.Match("t.0"u8).IsEmpty);
    }

    [Fact]
    public void A_repeated_subject_is_answered_again_and_a_different_one_is_not_taken_for_it()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        index.Insert(Plain("fob", "2"));
        var cache = new MatchCache(index);
        var foo = cache.Match("foo"u8);
        Assert.Same(foo, cache.Match("foo"u8));
        Assert.Equal("2", Describe(cache.Match("fob"u8)));
        Assert.True(cache.Match("fo"u8).IsEmpty);
        Assert.True(cache.Match("fooo"u8).IsEmpty);
        Assert.Same(foo, cache.Match("foo"u8));
    }

    [Fact]
    public void A_repeated_subject_sees_a_subscription_made_between_its_messages()
    {
        var index = new SubjectIndex();
        var cache = new MatchCache(index);
        Assert.True(cache.Match("foo"u8).IsEmpty);
        Assert.True(cache.Match("foo"u8).IsEmpty);
        index.Insert(Plain("foo", "1"));
        Assert.Equal("1", Describe(cache.Match("foo"u8)));
    }

    [Fact]
    public void Hits_count_repeats_and_misses_count_first_sights()
    {
        var index = new SubjectIndex();
        var cache = new MatchCache(index);
        cache.Match("foo"u8);
        cache.Match("foo"u8);
        cache.Match("bar"u8);
        cache.Match("foo"u8);
        Assert.Equal(2, cache.Statistics.Hits);
        Assert.Equal(2, cache.Statistics.Misses);
    }
}
