namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// Broken streams: bad op names and framing are 'Unknown Protocol Operation'; malformed arguments of a
/// known op close silently. Either way the connection closes, so nothing after the error is read.
/// </summary>
public class ClientReaderErrorTests
{
    private const string UnknownOperation = "ERR:UnknownOperation";
    private const string MalformedArguments = "ERR:MalformedArguments";

    [Theory]
    [InlineData("XYZ\r\n")]
    [InlineData("MSG foo 1 2\r\nhi\r\n")]
    [InlineData("HMSG foo 1 12 12\r\nNATS/1.0\r\n\r\n\r\n")]
    [InlineData("RS+ x\r\n")]
    [InlineData("RMSG $G foo 2\r\nhi\r\n")]
    [InlineData("LS+ x\r\n")]
    [InlineData("A+ x\r\n")]
    [InlineData("PX\r\n")]
    [InlineData("\rERR 'x'\r\n")]
    public void Op_a_client_may_not_send_is_unknown_operation(string input) =>
        Assert.Equal([UnknownOperation], EverySplit.Read(input));

    [Theory]
    [InlineData("PUX")]
    [InlineData("X")]
    [InlineData("SUX")]
    [InlineData("CONX")]
    [InlineData("PINX")]
    public void Bad_op_name_is_unknown_operation_before_its_line_ends(string input) =>
        Assert.Equal([UnknownOperation], EverySplit.Read(input));

    [Theory]
    [InlineData("P")]
    [InlineData("PU")]
    [InlineData("PUB")]
    [InlineData("CONNEC")]
    [InlineData("UNSU")]
    [InlineData("-ER")]
    [InlineData("+O")]
    public void Valid_op_prefix_waits_for_more_bytes(string input) =>
        Assert.Empty(EverySplit.Read(input));

    [Theory]
    [InlineData("PUBX foo 1\r\nx\r\n")]
    [InlineData("PUB\r\n")]
    [InlineData("HPUBX foo 12 12\r\n")]
    [InlineData("SUBfoo 1\r\n")]
    [InlineData("UNSUB\r\n")]
    public void Op_that_takes_arguments_without_a_blank_after_it_is_unknown_operation(string input) =>
        Assert.Equal([UnknownOperation], EverySplit.Read(input));

    // -ERR, like PUB, needs a blank before its text; nats-server's parser fails on the 'x'.
    [Fact]
    public void Minus_err_without_a_blank_after_it_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("-ERRx\r\n"));

    [Fact]
    public void Pub_with_payload_longer_than_announced_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("PUB foo 2\r\nhello\r\nPING\r\n"));

    [Fact]
    public void Pub_with_payload_shorter_than_announced_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("PUB foo 5\r\nhi\r\nPING\r\n"));

    [Fact]
    public void Payload_followed_by_a_bare_LF_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("PUB foo 2\r\nhi\nPING\r\n"));

    // Nothing follows the LF: the reader must not wait for a second byte to judge the first.
    [Fact]
    public void Payload_followed_by_a_bare_LF_at_the_end_of_the_input_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("PUB foo 2\r\nhi\n"));

    [Fact]
    public void Payload_followed_by_CR_alone_waits_for_the_LF() =>
        Assert.Empty(EverySplit.Read("PUB foo 2\r\nhi\r"));

    [Fact]
    public void Hpub_with_block_longer_than_announced_is_unknown_operation() =>
        Assert.Equal([UnknownOperation], EverySplit.Read("HPUB foo 12 12\r\nNATS/1.0\r\n\r\nhi\r\n"));

    [Theory]
    [InlineData("PUB foo\r\n")]
    [InlineData("PUB foo -1\r\n")]
    [InlineData("PUB foo +1\r\n")]
    [InlineData("PUB foo 1234567890\r\n")]
    [InlineData("PUB foo 1x\r\n")]
    [InlineData("PUB a b c 1\r\n")]
    [InlineData("PUB \r\n")]
    public void Pub_with_malformed_arguments_closes_silently(string input) =>
        Assert.Equal([MalformedArguments], EverySplit.Read(input));

    [Theory]
    [InlineData("SUB foo\r\n")]
    [InlineData("SUB a b c d\r\n")]
    [InlineData("SUB \r\n")]
    public void Sub_with_malformed_arguments_closes_silently(string input) =>
        Assert.Equal([MalformedArguments], EverySplit.Read(input));

    [Theory]
    [InlineData("UNSUB \r\n")]
    [InlineData("UNSUB 1 2 3\r\n")]
    public void Unsub_with_malformed_arguments_closes_silently(string input) =>
        Assert.Equal([MalformedArguments], EverySplit.Read(input));

    [Theory]
    [InlineData("HPUB foo 14 10\r\n")]
    [InlineData("HPUB foo 12\r\n")]
    [InlineData("HPUB foo r 12 x\r\n")]
    [InlineData("HPUB foo r -1 12\r\n")]
    [InlineData("HPUB a b c d e\r\n")]
    public void Hpub_with_malformed_arguments_closes_silently(string input) =>
        Assert.Equal([MalformedArguments], EverySplit.Read(input));

    [Fact]
    public void Hpub_without_header_support_closes_silently() =>
        Assert.Equal(
            [MalformedArguments],
            EverySplit.Read("HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", new ReaderSetup { HeadersEnabled = false }));

    [Fact]
    public void Hpub_without_header_support_closes_on_its_control_line() =>
        Assert.Equal([MalformedArguments], EverySplit.Read("HPUB foo 12 14\r\n", new ReaderSetup { HeadersEnabled = false }));

    [Theory]
    [InlineData("SUB foo 1\r\nXYZ\r\nPING\r\n", "SUB foo 1", UnknownOperation)]
    [InlineData("PING\r\nPUB foo\r\nPING\r\n", "PING", MalformedArguments)]
    [InlineData("PING\r\nSUB foo\r\nPING\r\n", "PING", MalformedArguments)]
    public void Nothing_after_a_protocol_error_is_read(string input, string before, string error) =>
        Assert.Equal([before, error], EverySplit.Read(input));

    [Fact]
    public void Protocol_error_leaves_the_broken_operation_unconsumed()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed("PING\r\nXYZ\r\nPING\r\n");
        Assert.Equal(["PING", UnknownOperation], driver.Calls);
        Assert.Equal("XYZ\r\nPING\r\n", driver.Unconsumed);
    }
}
