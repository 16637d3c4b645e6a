namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>
/// The leafnode dialect (spec/leafnode-protocol.md §5.1, §6): LS+/LS- with queue weights, LMSG and
/// HMSG in all their forms, each input read every way it can be split. A client connection does
/// not know these ops and gets nats-server's unknown-operation error.
/// </summary>
public class LeafProtocolReaderTests
{
    private static readonly ReaderSetup Leaf = new() { Leaf = true };

    [Theory]
    [InlineData("LS+ sensors.>\r\n", "LS+ sensors.>")]
    [InlineData("LS+ jobs.* workers 3\r\n", "LS+ jobs.* workers 3")]
    [InlineData("LS- sensors.>\r\n", "LS- sensors.>")]
    [InlineData("LS- jobs.* workers\r\n", "LS- jobs.* workers")]
    [InlineData("ls+ lower.case\r\n", "LS+ lower.case")]
    public void Interest_ops_read_subject_queue_and_weight(string input, string call) =>
        Assert.Equal([call], EverySplit.Read(input, Leaf));

    [Theory]
    [InlineData("LS+ jobs workers\r\n")]
    [InlineData("LS+ jobs workers heavy\r\n")]
    [InlineData("LS- a b c\r\n")]
    public void Interest_ops_with_the_wrong_arguments_are_malformed(string input) =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read(input, Leaf));

    [Theory]
    [InlineData("LMSG sensors.temp 4\r\n21.5\r\n", "LMSG sensors.temp 4 [21.5]")]
    [InlineData("LMSG svc.time _INBOX.1 1\r\n?\r\n", "LMSG svc.time _INBOX.1 1 [?]")]
    [InlineData("LMSG svc.time + _INBOX.1 workers 1\r\n?\r\n", "LMSG svc.time _INBOX.1 (queues: workers) 1 [?]")]
    [InlineData("LMSG q.sub | grp other 3\r\nxyz\r\n", "LMSG q.sub (queues: grp other) 3 [xyz]")]
    [InlineData("HMSG leaf.sub 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", "HMSG leaf.sub 12 14 [NATS/1.0\\r\\n\\r\\n|hi]")]
    [InlineData("HMSG leaf.q | lg 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", "HMSG leaf.q (queues: lg) 12 14 [NATS/1.0\\r\\n\\r\\n|hi]")]
    public void Messages_read_reply_queues_sizes_and_payload(string input, string call) =>
        Assert.Equal([call], EverySplit.Read(input, Leaf));

    [Fact]
    public void Queue_form_with_a_plus_needs_a_reply() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LMSG a + 1\r\nx\r\n", Leaf));

    [Fact]
    public void Message_past_max_payload_is_refused() =>
        Assert.Equal(["ERR:MaxPayloadExceeded"], EverySplit.Read("LMSG big 9\r\n123456789\r\n", Leaf with { MaxPayload = 8 }));

    [Theory]
    [InlineData("LS+ foo\r\n")]
    [InlineData("LMSG foo 1\r\nx\r\n")]
    [InlineData("HMSG foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n")]
    public void Client_connections_do_not_know_the_leaf_ops(string input) =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read(input));
}
