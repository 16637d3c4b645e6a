namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>nats-server's lexical rules: case, blanks, line ends.</summary>
public class ClientReaderLexicalTests
{
    [Theory]
    [InlineData("pUb foo 1\r\nx\r\n", "PUB foo 1 [x]")]
    [InlineData("pub foo 1\r\nx\r\n", "PUB foo 1 [x]")]
    [InlineData("hPuB foo 12 12\r\nNATS/1.0\r\n\r\n\r\n", "HPUB foo 12 12 [NATS/1.0\\r\\n\\r\\n|]")]
    [InlineData("sub foo 1\r\n", "SUB foo 1")]
    [InlineData("SuB foo 1\r\n", "SUB foo 1")]
    [InlineData("UnSuB 1\r\n", "UNSUB 1 0")]
    [InlineData("PiNg\r\n", "PING")]
    [InlineData("pong\r\n", "PONG")]
    [InlineData("connect {}\r\n", "CONNECT {}")]
    [InlineData("iNfO {}\r\n", "INFO {}")]
    [InlineData("-err 'x'\r\n", "-ERR 'x'")]
    public void Op_names_are_case_insensitive(string input, string expected) =>
        Assert.Equal([expected], EverySplit.Read(input));

    [Fact]
    public void Plus_ok_is_case_insensitive() => Assert.Equal(["PING"], EverySplit.Read("+oK\r\nPING\r\n"));

    [Theory]
    [InlineData("PUB  foo   2  \r\nhi\r\n", "PUB foo 2 [hi]")]
    [InlineData("PUB\tfoo\tbar\t2\r\nhi\r\n", "PUB foo bar 2 [hi]")]
    [InlineData("SUB\tfoo\t \t1\r\n", "SUB foo 1")]
    [InlineData("SUB  foo \t q \t 1 \r\n", "SUB foo q 1")]
    [InlineData("UNSUB \t 1 \t 2 \t\r\n", "UNSUB 1 2")]
    [InlineData("CONNECT \t {}\r\n", "CONNECT {}")]
    public void Any_run_of_blanks_and_tabs_separates_arguments(string input, string expected) =>
        Assert.Equal([expected], EverySplit.Read(input));

    [Fact]
    public void Hpub_sizes_apart_by_several_blanks_are_delivered_one_space_apart()
    {
        // nats-server keeps the two size tokens and joins them with one space in HMSG.
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed("HPUB foo 12 \t 14\r\nNATS/1.0\r\n\r\nhi\r\n");
        Assert.Equal(["HMSG foo 1 12 14\\r\\n"], driver.Handler.Deliveries);
    }

    [Theory]
    [InlineData("SUB foo 1\n", "SUB foo 1")]
    [InlineData("PUB foo 2\nhi\r\n", "PUB foo 2 [hi]")]
    [InlineData("PING\n", "PING")]
    [InlineData("CONNECT {}\n", "CONNECT {}")]
    public void Bare_LF_ends_a_control_line(string input, string expected) =>
        Assert.Equal([expected], EverySplit.Read(input));

    [Theory]
    [InlineData("PING \r\n")]
    [InlineData("PINGX\r\n")]
    [InlineData("PING whatever follows\r\n")]
    public void Ping_ignores_the_rest_of_its_line(string input) =>
        Assert.Equal(["PING"], EverySplit.Read(input));

    [Theory]
    [InlineData("PONG \r\n")]
    [InlineData("PONGX\r\n")]
    public void Pong_ignores_the_rest_of_its_line(string input) =>
        Assert.Equal(["PONG"], EverySplit.Read(input));

    [Fact]
    public void Ping_waits_for_its_line_end() => Assert.Empty(EverySplit.Read("PING"));
}
