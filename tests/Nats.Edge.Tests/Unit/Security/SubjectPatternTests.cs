using System.Text;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Security;

/// <summary>
/// Whether a permission entry covers a subject, as nats-server's sublist decides it: the pattern's
/// wildcards match, the subject's own '*' and '>' are plain tokens.
/// </summary>
public class SubjectPatternTests
{
    [Fact]
    public void Literal_pattern_covers_the_same_subject()
    {
        Assert.True(Covers("foo.bar", "foo.bar"));
    }

    [Fact]
    public void Literal_pattern_does_not_cover_a_different_token()
    {
        Assert.False(Covers("foo.bar", "foo.baz"));
    }

    [Fact]
    public void Literal_pattern_does_not_cover_a_token_that_only_starts_the_same()
    {
        Assert.False(Covers("foo.bar", "foo.barn"));
    }

    [Fact]
    public void Star_covers_any_single_token()
    {
        Assert.True(Covers("foo.*", "foo.bar"));
    }

    [Fact]
    public void Star_in_the_middle_covers_any_token_there()
    {
        Assert.True(Covers("foo.*.baz", "foo.bar.baz"));
    }

    [Fact]
    public void Star_does_not_cover_two_tokens()
    {
        Assert.False(Covers("foo.*", "foo.bar.baz"));
    }

    [Fact]
    public void Star_does_not_cover_a_missing_token()
    {
        Assert.False(Covers("foo.*", "foo"));
    }

    [Fact]
    public void Full_wildcard_covers_one_token()
    {
        Assert.True(Covers("foo.>", "foo.bar"));
    }

    [Fact]
    public void Full_wildcard_covers_many_tokens()
    {
        Assert.True(Covers("foo.>", "foo.bar.baz.qux"));
    }

    [Fact]
    public void Full_wildcard_needs_at_least_one_token()
    {
        Assert.False(Covers("foo.>", "foo"));
    }

    [Fact]
    public void Lone_full_wildcard_covers_every_subject()
    {
        Assert.True(Covers(">", "foo"));
        Assert.True(Covers(">", "foo.bar.baz"));
    }

    [Fact]
    public void Longer_subject_is_not_covered_by_a_shorter_literal_pattern()
    {
        Assert.False(Covers("foo", "foo.bar"));
    }

    [Fact]
    public void Shorter_subject_is_not_covered_by_a_longer_literal_pattern()
    {
        Assert.False(Covers("foo.bar", "foo"));
    }

    [Fact]
    public void Star_pattern_covers_a_subject_with_a_star_in_the_same_place()
    {
        Assert.True(Covers("foo.*", "foo.*"));
    }

    [Fact]
    public void Star_pattern_covers_a_subject_ending_in_a_full_wildcard_token()
    {
        Assert.True(Covers("foo.*", "foo.>"));
    }

    [Fact]
    public void Literal_pattern_does_not_cover_a_subject_with_a_star()
    {
        Assert.False(Covers("foo.bar", "foo.*"));
    }

    [Fact]
    public void Full_wildcard_pattern_covers_a_subject_with_wildcards()
    {
        Assert.True(Covers("foo.>", "foo.*.>"));
    }

    [Fact]
    public void Leading_star_covers_any_first_token()
    {
        Assert.True(Covers("*.bar", "foo.bar"));
    }

    [Fact]
    public void Parse_reads_a_subject_without_a_queue()
    {
        var pattern = SubjectPattern.Parse("orders.*");

        Assert.Equal("orders.*", Encoding.UTF8.GetString(pattern.Subject));
        Assert.Null(pattern.Queue);
    }

    [Fact]
    public void Parse_reads_a_subject_and_a_queue()
    {
        var pattern = SubjectPattern.Parse("orders.* workers");

        Assert.Equal("orders.*", Encoding.UTF8.GetString(pattern.Subject));
        Assert.Equal("workers", Encoding.UTF8.GetString(pattern.Queue!));
    }

    [Fact]
    public void Parse_refuses_three_words()
    {
        Assert.Throws<ServerOptionsException>(() => SubjectPattern.Parse("orders workers extra"));
    }

    private static bool Covers(string pattern, string subject) =>
        SubjectPattern.Covers(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(subject));
}
