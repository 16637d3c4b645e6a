using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The client protocol parser, op by op and error by error (spec/client-protocol.md §1, §5, §6).</summary>
public sealed class ClientProtocolReaderTests
{
    private const string Session =
        "CONNECT {\"verbose\":false,\"headers\":true}\r\n" +
        "SUB foo 1\r\nsub bar workers 2\r\n" +
        "PUB foo 5\r\nhello\r\n" +
        "pub foo _INBOX.x 005\r\nhello\r\n" +
        "PUB foo 0\r\n\r\n" +
        "HPUB bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" +
        "HPUB bar r 12 12\r\nNATS/1.0\r\n\r\n\r\n" +
        "UNSUB 1 5\r\nUNSUB 2\r\n" +
        "PING\r\nPONG\r\n+OK\r\nINFO {}\r\n";

    private static readonly string[] SessionSeen =
    [
        "CONNECT {\"verbose\":false,\"headers\":true}",
        "SUB foo 1",
        "SUB bar workers 2",
        "PUB foo 5 [hello]",
        "PUB foo _INBOX.x 005 [hello]",
        "PUB foo 0 []",
        "HPUB hdr=12 bar 12 14 [NATS/1.0\r\n\r\nhi]",
        "HPUB hdr=12 bar r 12 12 [NATS/1.0\r\n\r\n]",
        "UNSUB 1 5",
        "UNSUB 2 0",
        "PING",
        "PONG",
        "INFO {}",
    ];

    [Fact]
    public void Whole_session_reads_every_op()
    {
        Assert.Equal(SessionSeen, ChunkedFeeder.Whole(Bytes(Session)).Seen);
    }

    [Fact]
    public void Session_cut_in_two_at_every_byte_reads_the_same()
    {
        var input = Bytes(Session);
        for (var cut = 1; cut < input.Length; cut++)
        {
            Assert.Equal(SessionSeen, ChunkedFeeder.Feed(input, [cut]).Seen);
        }
    }

    [Fact]
    public void Session_one_byte_per_read_reads_the_same()
    {
        var input = Bytes(Session);
        Assert.Equal(SessionSeen, ChunkedFeeder.Feed(input, Enumerable.Range(1, input.Length - 1)).Seen);
    }

    [Fact]
    public void Session_with_every_byte_in_its_own_segment_reads_the_same()
    {
        var input = Bytes(Session);
        Assert.Equal(SessionSeen, ChunkedFeeder.Feed(input, [], segmentPerByte: true).Seen);
        for (var cut = 1; cut < input.Length; cut += 7)
        {
            Assert.Equal(SessionSeen, ChunkedFeeder.Feed(input, [cut], segmentPerByte: true).Seen);
        }
    }

    [Theory]
    [InlineData("PiNg\r\n", "PING")]
    [InlineData("ping \r\n", "PING")]
    [InlineData("PINGX\r\n", "PING")]
    [InlineData("PING\n", "PING")]
    [InlineData("pong\r\n", "PONG")]
    [InlineData("SUB\tfoo\t \t1\r\n", "SUB foo 1")]
    [InlineData("PUB  foo   2  \r\nhi\r\n", "PUB foo 2 [hi]")]
    [InlineData("CONNECT{}\r\n", "CONNECT {}")]
    [InlineData("-ERR 'oops'\r\n", "-ERR 'oops'")]
    [InlineData("UNSUB 3 nope\r\n", "UNSUB 3 0")]
    public void Op_names_fold_case_and_blanks_separate_arguments(string input, string seen)
    {
        Assert.Equal([seen], ChunkedFeeder.Whole(Bytes(input)).Seen);
    }

    [Theory]
    [InlineData("XYZ\r\n")]
    [InlineData("MSG foo 1 2\r\nhi\r\n")]
    [InlineData("RS+ $G foo\r\n")]
    [InlineData("PUBX foo 1\r\nx\r\n")]
    [InlineData("PUB\r\n")]
    [InlineData("UNSUB\r\n")]
    [InlineData("\r\n")]
    [InlineData("PUB foo 2\r\nhiX\r\n")]
    [InlineData("PUB foo 1\r\nhi\r\n")]
    public void Bad_framing_is_an_unknown_operation(string input)
    {
        Assert.Equal(["ERROR UnknownOperation"], ChunkedFeeder.Whole(Bytes(input)).Seen);
    }

    [Fact]
    public void Unknown_op_is_reported_before_its_line_ends()
    {
        Assert.Equal(["ERROR UnknownOperation"], ChunkedFeeder.Whole(Bytes("PUX")).Seen);
    }

    [Fact]
    public void Valid_prefix_of_an_op_waits_for_more()
    {
        Assert.Empty(ChunkedFeeder.Whole(Bytes("PU")).Seen);
        Assert.Empty(ChunkedFeeder.Whole(Bytes("CONNEC")).Seen);
        Assert.Empty(ChunkedFeeder.Whole(Bytes("PUB foo 5\r\nhel")).Seen);
    }

    [Theory]
    [InlineData("PUB foo\r\n")]
    [InlineData("PUB foo -1\r\n")]
    [InlineData("PUB foo 1234567890\r\n")]
    [InlineData("PUB foo bar baz 1\r\n")]
    [InlineData("SUB foo\r\n")]
    [InlineData("SUB a b c d\r\n")]
    [InlineData("HPUB foo 14 10\r\n")]
    [InlineData("HPUB foo 10\r\n")]
    public void Malformed_arguments_are_reported_as_such(string input)
    {
        Assert.Equal(["ERROR MalformedArguments"], ChunkedFeeder.Whole(Bytes(input)).Seen);
    }

    [Fact]
    public void Hpub_without_header_support_is_malformed()
    {
        var handler = new RecordingHandler { HeadersEnabled = false };

        Assert.Equal(["ERROR MalformedArguments"], ChunkedFeeder.Whole(Bytes("HPUB foo 12 12\r\nNATS/1.0\r\n\r\n\r\n"), handler).Seen);
    }

    [Fact]
    public void Payload_over_the_limit_is_refused_on_the_control_line()
    {
        Assert.Equal(["ERROR MaxPayloadExceeded"], ChunkedFeeder.Whole(Bytes("PUB foo 1025\r\n")).Seen);
        Assert.Equal(["ERROR MaxPayloadExceeded"], ChunkedFeeder.Whole(Bytes("HPUB foo 12 1025\r\n")).Seen);
    }

    [Fact]
    public void Arguments_of_exactly_the_limit_are_accepted()
    {
        var subject = new string('a', 4096 - 2);
        Assert.Equal([$"SUB {subject} 1"], ChunkedFeeder.Whole(Bytes($"SUB {subject} 1\r\n")).Seen);
    }

    [Fact]
    public void Arguments_over_the_limit_are_refused()
    {
        var subject = new string('a', 4096 - 1);
        Assert.Equal(["ERROR MaxControlLineExceeded"], ChunkedFeeder.Whole(Bytes($"SUB {subject} 1\r\n")).Seen);
    }

    [Fact]
    public void Partial_line_over_the_limit_is_refused_before_its_end()
    {
        Assert.Equal(["ERROR MaxControlLineExceeded"], ChunkedFeeder.Whole(Bytes("SUB " + new string('a', 5000))).Seen);
    }

    [Fact]
    public void Refused_op_stops_the_reader()
    {
        var handler = new RecordingHandler { Refused = [ClientOp.Sub] };

        Assert.Equal(["PING", "REFUSED Sub"], ChunkedFeeder.Whole(Bytes("PING\r\nSUB foo 1\r\nPING\r\n"), handler).Seen);
    }

    [Fact]
    public void Ops_after_an_error_are_not_read()
    {
        Assert.Equal(["PING", "ERROR UnknownOperation"], ChunkedFeeder.Whole(Bytes("PING\r\nBOGUS\r\nPING\r\n")).Seen);
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);
}
