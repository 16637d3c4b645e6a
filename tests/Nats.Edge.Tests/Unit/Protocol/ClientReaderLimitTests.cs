using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// max_payload (checked on the control line, before the payload), max_control_line and the
/// handler's gate before each operation.
/// </summary>
public class ClientReaderLimitTests
{
    private const string MaxPayloadExceeded = "ERR:MaxPayloadExceeded";
    private const string MaxControlLineExceeded = "ERR:MaxControlLineExceeded";

    // Small limits keep the inputs readable; 16 bytes of arguments is e.g. "abcdefghijklmn 1".
    private static readonly ReaderSetup SmallLimits = new() { MaxControlLine = 16, MaxPayload = 10 };

    [Fact]
    public void Pub_larger_than_max_payload_is_refused_on_its_control_line() =>
        Assert.Equal([MaxPayloadExceeded], EverySplit.Read("PUB foo 11\r\n", SmallLimits));

    [Fact]
    public void Pub_of_exactly_max_payload_is_accepted() =>
        Assert.Equal(["PUB foo 10 [0123456789]"], EverySplit.Read("PUB foo 10\r\n0123456789\r\n", SmallLimits));

    [Fact]
    public void Hpub_whose_total_is_larger_than_max_payload_is_refused_on_its_control_line() =>
        Assert.Equal([MaxPayloadExceeded], EverySplit.Read("HPUB foo 2 11\r\n", SmallLimits));

    [Fact]
    public void Malformed_size_is_reported_before_max_payload() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("HPUB foo 12 11\r\n", SmallLimits));

    [Fact]
    public void Control_line_arguments_longer_than_max_control_line_exceed_it() =>
        Assert.Equal([MaxControlLineExceeded], EverySplit.Read("SUB abcdefghijklmn 12\r\n", SmallLimits));

    // nats-server measures the arguments from their first byte, after the blanks that follow the op.
    [Fact]
    public void Control_line_arguments_exactly_max_control_line_long_are_accepted() =>
        Assert.Equal(["SUB abcdefghijklmn 1"], EverySplit.Read("SUB abcdefghijklmn 1\r\n", SmallLimits));

    [Fact]
    public void Partial_control_line_longer_than_max_control_line_exceeds_it_before_its_end()
    {
        var driver = new SplitReadDriver(BufferShape.SegmentPerRead, SmallLimits);
        driver.Feed("SUB abcdefghijklmnopqrstuvwxyz");
        Assert.Equal([MaxControlLineExceeded], driver.Calls);
    }

    [Fact]
    public void Partial_control_line_within_max_control_line_waits_for_its_end()
    {
        var driver = new SplitReadDriver(BufferShape.SegmentPerRead, SmallLimits);
        driver.Feed("SUB abcdefgh");
        Assert.Empty(driver.Calls);
    }

    // nats-server leaves a CR still waiting for its LF out of a partial line's length, so 15 bytes of
    // arguments stay within 16 whether or not the read ends between CR and LF.
    [Fact]
    public void Carriage_return_ending_a_partial_line_does_not_count_against_max_control_line() =>
        Assert.Equal(["SUB abcdefghijklm 1"], EverySplit.Read("SUB abcdefghijklm 1\r\n", SmallLimits));

    [Fact]
    public void Connect_longer_than_max_control_line_exceeds_it() =>
        Assert.Equal([MaxControlLineExceeded], EverySplit.Read("CONNECT {\"jwt\":\"eyJhbGciOi\"}\r\n", SmallLimits));

    [Fact]
    public void Payload_does_not_count_against_max_control_line() =>
        Assert.Equal(
            ["PUB foo 40 [0123456789012345678901234567890123456789]"],
            EverySplit.Read("PUB foo 40\r\n0123456789012345678901234567890123456789\r\n", new ReaderSetup { MaxControlLine = 16 }));

    // The op name is judged first, as its bytes arrive; a line's length only matters for a known op.
    [Fact]
    public void Unknown_op_on_a_long_line_is_unknown_operation_however_it_is_split() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("XYZ " + new string('a', 100) + "\r\n", SmallLimits));

    [Fact]
    public void Refused_op_stops_the_reader_before_it_is_handled()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Handler.Admits = static op => op != ClientOp.Sub;
        driver.Feed("PING\r\nSUB foo 1\r\nPING\r\n");
        Assert.Equal(["PING", "REFUSED Sub"], driver.Calls);
        Assert.Equal("SUB foo 1\r\nPING\r\n", driver.Unconsumed);
    }

    [Fact]
    public void Refused_publish_is_not_read_past_its_control_line()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Handler.Admits = static op => op == ClientOp.Connect;
        driver.Feed("CONNECT {}\r\nPUB foo 5\r\nhello\r\n");
        Assert.Equal(["CONNECT {}", "REFUSED Pub"], driver.Calls);
    }
}
