using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>Every way a nats conf file can fail to parse, each reported as <c>file:line: what</c>.</summary>
public sealed class ConfErrorTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("a: 1\nb: \"open\nc: 2", 2, "a double-quoted string is not closed on its line")]
    [InlineData("a: 'open", 1, "a single-quoted string is not closed on its line")]
    [InlineData("a: \"\\q\"", 1, "unknown escape '\\q' in a double-quoted string")]
    [InlineData("a: \"\\x4\"", 1, "an escape in a double-quoted string needs 2 hex digits")]
    [InlineData("a: (\ntext\n  )\n) x\n", 5, "the block string opened with '(' on line 1 is not closed by a line that is only ')'")]
    [InlineData("a {\n  b: 1\n", 3, "the block opened on line 1 is not closed with '}'")]
    [InlineData("a: [\n  1,\n", 3, "the array opened on line 1 is not closed with ']'")]
    [InlineData("a: 1\n}", 2, "unexpected '}' where a key should start")]
    [InlineData("a: 1\n: 2", 2, "unexpected ':' where a key should start")]
    [InlineData("a:\nb: 1", 1, "key \"a\" has no value")]
    [InlineData("a = # comment", 1, "key \"a\" has no value")]
    [InlineData("a: \"x\" y", 1, "expected a new line, ',' or ';' after the value of \"a\", found 'y'")]
    [InlineData("a: [\"x\" \"y\"]", 1, "expected ',' or ']' after an array element, found '\"'")]
    [InlineData("a: [ , ]", 1, "unexpected ',' where a value should start")]
    [InlineData("a: 99999999999999999999", 1, "the number 99999999999999999999 is out of range")]
    [InlineData("a: 1\nb: $UNDEFINED", 2, "variable \"$UNDEFINED\" is not defined above and not in the environment")]
    [InlineData("\ninclude absent.conf", 2, "include file \"absent.conf\" does not exist")]
    [InlineData("{ a: 1 }\nb: 2", 2, "unexpected 'b' after the block that closes the file")]
    public void Parse_error_names_file_line_and_cause(string text, int line, string cause)
    {
        var error = Assert.Throws<ConfigException>(() => _folder.Parse(text));

        Assert.Equal($"{Path.Combine(_folder.FullName, "test.conf")}:{line}: {cause}", error.Message);
    }

    [Fact]
    public void Parse_error_in_an_included_file_names_that_file()
    {
        var included = _folder.Write("bad.conf", "ok: 1\nbroken: \"open");

        var error = Assert.Throws<ConfigException>(() => _folder.Parse("port: 1\ninclude bad.conf"));

        Assert.Equal($"{included}:2: a double-quoted string is not closed on its line", error.Message);
    }

    [Fact]
    public void Parse_error_reaches_the_loader_unchanged()
    {
        var path = _folder.Write("server.conf", "port: 4222\nmax_payload: [");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.Equal($"{path}:2: the array opened on line 2 is not closed with ']'", error.Message);
    }
}
