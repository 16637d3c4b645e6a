namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// A whole realistic session gives the same callbacks however the stream is cut into reads and however
/// the reads lie in memory.
/// </summary>
public class ClientReaderSplitReadTests
{
    private const string Session =
        "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"name\":\"split\"}\r\n" +
        "PING\r\n" +
        "SUB foo 1\r\n" +
        "sub bar.* workers 2\r\n" +
        "SUB\tbaz.>\t \t3\r\n" +
        "PUB foo 5\r\nhello\r\n" +
        "PUB bar.x _INBOX.1 005\r\nhe\r\nl\r\n" +
        "pub  baz.q   0  \r\n\r\n" +
        "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" +
        "HPUB foo _INBOX.2 18 21\r\nNATS/1.0\r\nA: b\r\n\r\nbye\r\n" +
        "UNSUB 1 2\r\n" +
        "unsub 3\r\n" +
        "PONG\r\n" +
        "+OK\r\n" +
        "INFO {}\r\n" +
        "PiNg\n" +
        "SUB qux 4\n" +
        "PUB qux 3\nbye\r\n" +
        "-ERR 'bye'\r\n";

    private static readonly string[] SessionCalls =
    [
        "CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"name\":\"split\"}",
        "PING",
        "SUB foo 1",
        "SUB bar.* workers 2",
        "SUB baz.> 3",
        "PUB foo 5 [hello]",
        "PUB bar.x _INBOX.1 005 [he\\r\\nl]",
        "PUB baz.q 0 []",
        "HPUB foo 12 14 [NATS/1.0\\r\\n\\r\\n|hi]",
        "HPUB foo _INBOX.2 18 21 [NATS/1.0\\r\\nA: b\\r\\n\\r\\n|bye]",
        "UNSUB 1 2",
        "UNSUB 3 0",
        "PONG",
        "INFO {}",
        "PING",
        "SUB qux 4",
        "PUB qux 3 [bye]",
        "-ERR 'bye'",
    ];

    [Fact]
    public void Session_in_one_read_gives_every_operation_in_order()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed(Session);
        Assert.Equal(SessionCalls, driver.Calls);
        Assert.Equal("", driver.Unconsumed);
    }

    [Theory]
    [InlineData(BufferShape.Contiguous)]
    [InlineData(BufferShape.SegmentPerRead)]
    [InlineData(BufferShape.SegmentPerByte)]
    public void Session_split_in_two_at_every_byte_reads_the_same(BufferShape shape)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Session);
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var driver = new SplitReadDriver(shape);
            Assert.Equal(SessionCalls, driver.FeedCutAt(bytes, [cut]));
            Assert.Equal("", driver.Unconsumed);
        }
    }

    [Theory]
    [InlineData(BufferShape.Contiguous)]
    [InlineData(BufferShape.SegmentPerRead)]
    [InlineData(BufferShape.SegmentPerByte)]
    public void Session_fed_one_byte_at_a_time_reads_the_same(BufferShape shape)
    {
        var driver = new SplitReadDriver(shape);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(Session))
        {
            driver.Feed([b]);
        }

        Assert.Equal(SessionCalls, driver.Calls);
        Assert.Equal("", driver.Unconsumed);
    }

    [Fact]
    public void Session_with_every_byte_in_its_own_segment_reads_the_same()
    {
        var driver = new SplitReadDriver(BufferShape.SegmentPerByte);
        driver.Feed(Session);
        Assert.Equal(SessionCalls, driver.Calls);
    }

    [Fact]
    public void Session_passes_every_split_of_the_shared_helper() =>
        Assert.Equal(SessionCalls, EverySplit.Read(Session));

    [Fact]
    public void Control_line_and_payload_straddling_segments_are_read_whole()
    {
        var driver = new SplitReadDriver(BufferShape.SegmentPerRead);
        driver.Feed("PING\r\nPU");
        driver.Feed("B foo 5\r\nhe");
        driver.Feed("llo\r");
        driver.Feed("\nSUB foo 1\r\n");
        Assert.Equal(["PING", "PUB foo 5 [hello]", "SUB foo 1"], driver.Calls);
    }

    [Theory]
    [InlineData("SUB foo 1\r\nXYZ\r\nPING\r\n")]
    [InlineData("PUB foo 2\r\nhello\r\nPING\r\n")]
    [InlineData("PUB foo 5\r\nhi\r\nPING\r\n")]
    [InlineData("PUB foo 11\r\n0123456789A\r\n")]
    [InlineData("SUB abcdefghijklmnopqrstuvwxyz 1\r\n")]
    [InlineData("HPUB foo 14 10\r\nNATS/1.0\r\n\r\n\r\n")]
    public void Broken_stream_fails_the_same_way_however_it_is_split(string input) =>
        Assert.Single(EverySplit.Read(input, new ReaderSetup { MaxControlLine = 16, MaxPayload = 10 }), call => call.StartsWith("ERR:", StringComparison.Ordinal));
}
