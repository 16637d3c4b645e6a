using System.Text;
using Nats.Edge.Server.Subjects;
using static Nats.Edge.Tests.Unit.Subjects.TestSubscriptions;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>Matching a published subject against subscriptions and queue groups.</summary>
public class SubjectIndexTests
{
    [Theory]
    [InlineData("foo.bar", "foo.bar", true)]
    [InlineData("foo.bar", "foo", false)]
    [InlineData("foo.bar", "foo.bar.baz", false)]
    [InlineData("foo.*", "foo.bar", true)]
    [InlineData("foo.*", "foo.x", true)]
    [InlineData("foo.*", "foo", false)]
    [InlineData("foo.*", "foo.bar.baz", false)]
    [InlineData("foo.>", "foo.bar", true)]
    [InlineData("foo.>", "foo.bar.baz", true)]
    [InlineData("foo.>", "foo", false)]
    [InlineData("*.bar", "a.bar", true)]
    [InlineData("*.bar", "bar", false)]
    [InlineData("*.bar", "a.b.bar", false)]
    [InlineData(">", "foo", true)]
    [InlineData(">", "foo.bar.baz", true)]
    [InlineData("*", "foo", true)]
    [InlineData("*", "a.b", false)]
    [InlineData("foo", "FOO", false)]
    [InlineData("foo*", "foo*", true)]
    [InlineData("foo*", "foox", false)]
    [InlineData("a.*.c", "a.b.c", true)]
    [InlineData("a.*.c", "a.b.d", false)]
    [InlineData("a.*.>", "a.b", false)]
    [InlineData("a.*.>", "a.b.c.d", true)]
    [InlineData("$SYS.>", "$SYS.REQ.SERVER", true)]
    public void Subscription_matches_a_published_subject_as_the_spec_table_says(string subscription, string subject, bool matches)
    {
        var index = new SubjectIndex();
        index.Insert(Plain(subscription, "1"));
        Assert.Equal(matches ? "1" : "", Describe(index.Match(Bytes(subject))));
    }

    [Theory]
    [InlineData("foo.*", true)]
    [InlineData("foo.>", true)]
    [InlineData(">", true)]
    [InlineData("foo.bar", false)]
    [InlineData("*.bar", false)]
    public void Publish_to_a_wildcard_subject_is_matched_token_by_token(string subscription, bool matches)
    {
        var index = new SubjectIndex();
        index.Insert(Plain(subscription, "1"));
        Assert.Equal(matches ? "1" : "", Describe(index.Match("foo.*"u8)));
    }

    // nats-server's sublist answers a subject with an empty token with no subscriptions at all, so a
    // non-pedantic PUB to "foo." reaches nobody, not even '>'.
    [Theory]
    [InlineData("foo.")]
    [InlineData(".foo")]
    [InlineData("foo..bar")]
    [InlineData(".")]
    public void Subject_with_an_empty_token_matches_nothing(string subject)
    {
        var index = new SubjectIndex();
        index.Insert(Plain(">", "1"));
        index.Insert(Plain("foo.>", "2"));
        index.Insert(Plain("foo.*", "3"));
        index.Insert(Plain("*.foo", "4"));
        index.Insert(Plain("foo.*.bar", "5"));
        Assert.Equal("", Describe(index.Match(Bytes(subject))));
    }

    [Fact]
    public void Empty_index_matches_nothing() => Assert.True(new SubjectIndex().Match("foo"u8).IsEmpty);

    [Fact]
    public void Every_matching_subscription_is_returned_once()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo.*", "1"));
        index.Insert(Plain("foo.>", "2"));
        index.Insert(Plain(">", "3"));
        index.Insert(Plain("foo.bar", "4"));
        index.Insert(Plain("foo.baz", "5"));
        index.Insert(Plain("foo", "6"));
        Assert.Equal("1 2 3 4", Describe(index.Match("foo.bar"u8)));
    }

    [Fact]
    public void Two_subscriptions_on_the_same_subject_both_match()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        index.Insert(Plain("foo", "2"));
        Assert.Equal("1 2", Describe(index.Match("foo"u8)));
    }

    [Fact]
    public void Queue_subscriptions_are_grouped_by_name_not_returned_as_plain()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        index.Insert(Queue("foo", "q", "2"));
        index.Insert(Queue("foo", "q", "3"));
        index.Insert(Queue("foo", "r", "4"));
        Assert.Equal("1 | q:2,3 | r:4", Describe(index.Match("foo"u8)));
    }

    [Fact]
    public void Queue_members_of_one_group_are_merged_across_wildcard_subjects()
    {
        var index = new SubjectIndex();
        index.Insert(Queue("foo.*", "q", "1"));
        index.Insert(Queue("foo.>", "q", "2"));
        index.Insert(Queue("foo.bar", "q", "3"));
        index.Insert(Queue("foo.>", "r", "4"));
        var match = index.Match("foo.bar"u8);
        Assert.Equal(" | q:1,2,3 | r:4", Describe(match));
        Assert.Equal(2, match.QueueGroups.Length);
    }

    [Fact]
    public void Count_is_the_number_of_subscriptions()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        index.Insert(Plain("foo", "2"));
        index.Insert(Queue("foo.>", "q", "3"));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Removing_every_subscription_brings_count_back_to_zero()
    {
        var index = new SubjectIndex();
        Subscription[] subscriptions =
            [Plain("foo", "1"), Plain("foo.bar", "2"), Queue("foo.*", "q", "3"), Plain(">", "4"), Queue("foo.*", "q", "5")];
        foreach (var subscription in subscriptions)
        {
            index.Insert(subscription);
        }

        foreach (var subscription in subscriptions)
        {
            Assert.True(index.Remove(subscription));
        }

        Assert.Equal(0, index.Count);
        Assert.True(index.Match("foo"u8).IsEmpty);
        Assert.True(index.Match("foo.bar"u8).IsEmpty);
    }

    [Fact]
    public void Removed_subscription_no_longer_matches()
    {
        var index = new SubjectIndex();
        var gone = Plain("foo.*", "1");
        index.Insert(gone);
        index.Insert(Plain("foo.bar", "2"));
        index.Remove(gone);
        Assert.Equal("2", Describe(index.Match("foo.bar"u8)));
    }

    [Fact]
    public void Removing_twice_returns_false_and_keeps_the_count()
    {
        var index = new SubjectIndex();
        var subscription = Plain("foo", "1");
        index.Insert(subscription);
        index.Insert(Plain("foo", "2"));
        Assert.True(index.Remove(subscription));
        Assert.False(index.Remove(subscription));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Removing_a_subscription_never_inserted_returns_false_and_keeps_the_others()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        Assert.False(index.Remove(Plain("foo", "1")));
        Assert.False(index.Remove(Queue("foo", "q", "1")));
        Assert.False(index.Remove(Plain("foo.bar.baz", "1")));
        Assert.Equal("1", Describe(index.Match("foo"u8)));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Removing_a_queue_member_keeps_the_rest_of_its_group()
    {
        var index = new SubjectIndex();
        var gone = Queue("foo", "q", "1");
        index.Insert(gone);
        index.Insert(Queue("foo", "q", "2"));
        index.Remove(gone);
        Assert.Equal(" | q:2", Describe(index.Match("foo"u8)));
    }

    [Fact]
    public void Removing_a_short_subject_keeps_longer_ones_below_it()
    {
        var index = new SubjectIndex();
        var foo = Plain("foo", "1");
        var wildcard = Plain("foo.*", "2");
        index.Insert(foo);
        index.Insert(wildcard);
        index.Insert(Plain("foo.bar", "3"));
        index.Insert(Plain("foo.*.baz", "4"));
        index.Remove(foo);
        index.Remove(wildcard);
        Assert.Equal("3", Describe(index.Match("foo.bar"u8)));
        Assert.Equal("4", Describe(index.Match("foo.x.baz"u8)));
        Assert.True(index.Match("foo"u8).IsEmpty);
    }

    [Fact]
    public void Emptied_index_takes_the_same_subjects_again()
    {
        var index = new SubjectIndex();
        var first = Plain("foo.*.bar", "1");
        index.Insert(first);
        index.Remove(first);
        index.Insert(Plain("foo.*.bar", "2"));
        Assert.Equal("2", Describe(index.Match("foo.x.bar"u8)));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Insert_changes_the_generation()
    {
        var index = new SubjectIndex();
        var before = index.Generation;
        index.Insert(Plain("foo", "1"));
        Assert.NotEqual(before, index.Generation);
    }

    [Fact]
    public void Remove_changes_the_generation()
    {
        var index = new SubjectIndex();
        var subscription = Plain("foo", "1");
        index.Insert(subscription);
        var before = index.Generation;
        index.Remove(subscription);
        Assert.NotEqual(before, index.Generation);
    }

    [Fact]
    public void Remove_of_an_absent_subscription_keeps_the_generation()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        var before = index.Generation;
        index.Remove(Plain("foo", "2"));
        Assert.Equal(before, index.Generation);
    }

    [Fact]
    public void Match_keeps_the_generation()
    {
        var index = new SubjectIndex();
        index.Insert(Plain("foo", "1"));
        var before = index.Generation;
        index.Match("foo"u8);
        Assert.Equal(before, index.Generation);
    }

    private static byte[] Bytes(string subject) => Encoding.UTF8.GetBytes(subject);
}
