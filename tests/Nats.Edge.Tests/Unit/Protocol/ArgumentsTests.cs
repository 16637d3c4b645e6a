using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>Arguments are split on any run of spaces and tabs, as nats-server splits them.</summary>
public class ArgumentsTests
{
    [Theory]
    [InlineData("foo 1", "foo|1")]
    [InlineData("  foo \t bar\t\t1  ", "foo|bar|1")]
    [InlineData("\tfoo", "foo")]
    [InlineData("", "")]
    [InlineData(" \t ", "")]
    public void Blanks_and_tabs_separate_arguments_and_surround_none(string line, string expected) =>
        Assert.Equal(expected, Split(line, 4));

    [Fact]
    public void Exactly_as_many_arguments_as_fit_are_all_returned() => Assert.Equal("a|b|c", Split("a b c", 3));

    [Fact]
    public void More_arguments_than_fit_count_as_one_more_than_fit()
    {
        Span<Range> ranges = stackalloc Range[3];
        Assert.Equal(4, Arguments.Split("a b c d e"u8, ranges));
    }

    [Fact]
    public void Bytes_other_than_blank_and_tab_belong_to_the_argument() =>
        Assert.Equal("a\rb|c\fd", Split("a\rb c\fd", 4));

    private static string Split(string line, int room)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        var ranges = new Range[room];
        var count = Arguments.Split(bytes, ranges);
        return string.Join('|', ranges.Take(count).Select(range => Encoding.ASCII.GetString(bytes[range])));
    }
}
