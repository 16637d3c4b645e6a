using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

public sealed class SizeParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("005", 5)]
    [InlineData("999999999", 999_999_999)]
    [InlineData("", -1)]
    [InlineData("-1", -1)]
    [InlineData("+1", -1)]
    [InlineData("1a", -1)]
    [InlineData("1234567890", -1)]
    public void Sizes_are_one_to_nine_digits(string text, int expected) =>
        Assert.Equal(expected, SizeParser.Parse(Encoding.ASCII.GetBytes(text)));
}
