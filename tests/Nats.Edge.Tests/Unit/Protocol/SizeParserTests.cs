using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>Sizes are 1–9 ASCII decimal digits and nothing else, as nats-server reads them.</summary>
public class SizeParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("5", 5)]
    [InlineData("005", 5)]
    [InlineData("1048576", 1048576)]
    [InlineData("999999999", 999_999_999)]
    [InlineData("000000000", 0)]
    public void One_to_nine_digits_are_a_size(string digits, int size) =>
        Assert.Equal(size, SizeParser.Parse(Encoding.ASCII.GetBytes(digits)));

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1234567890")]
    [InlineData("0000000001")]
    [InlineData("1x")]
    [InlineData("x")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.0")]
    [InlineData("0x1")]
    public void Anything_else_is_not_a_size(string digits) =>
        Assert.Equal(-1, SizeParser.Parse(Encoding.ASCII.GetBytes(digits)));

    [Fact]
    public void Non_ASCII_digits_are_not_a_size() =>
        // U+0661, ARABIC-INDIC DIGIT ONE: a digit to char.IsDigit, not to the protocol.
        Assert.Equal(-1, SizeParser.Parse(Encoding.UTF8.GetBytes("\u0661")));
}
