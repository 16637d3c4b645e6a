using Nats.Edge.Server.Protocol;
using Nats.Edge.Tests.Unit.Protocol;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>
/// The leaf dialect of the reader: LS+, LS-, LMSG and HMSG as a leaf connection reads them, and as a
/// client connection must refuse them. Every input is also read split at every byte, in every buffer
/// shape (<see cref="EverySplit"/>), and must give the same calls.
/// </summary>
public class LeafProtocolReaderTests
{
    private static readonly ReaderSetup Leaf = new() { Dialect = ProtocolDialect.Leaf };

    [Fact]
    public void Ls_plus_with_a_subject_only_is_plain_interest() =>
        Assert.Equal(["LS+ foo"], EverySplit.Read("LS+ foo\r\n", Leaf));

    [Fact]
    public void Ls_plus_with_queue_and_weight_is_queue_interest_with_that_weight() =>
        Assert.Equal(["LS+ foo q 3"], EverySplit.Read("LS+ foo q 3\r\n", Leaf));

    [Fact]
    public void Ls_plus_with_weight_zero_reads_the_zero() =>
        Assert.Equal(["LS+ foo q 0"], EverySplit.Read("LS+ foo q 0\r\n", Leaf));

    [Fact]
    public void Ls_plus_takes_tabs_and_runs_of_blanks_between_arguments() =>
        Assert.Equal(["LS+ foo q 3"], EverySplit.Read("LS+\tfoo  q \t3 \r\n", Leaf));

    [Fact]
    public void Ls_minus_with_a_subject_only_withdraws_plain_interest() =>
        Assert.Equal(["LS- foo"], EverySplit.Read("LS- foo\r\n", Leaf));

    [Fact]
    public void Ls_minus_with_a_queue_withdraws_queue_interest() =>
        Assert.Equal(["LS- foo q"], EverySplit.Read("LS- foo q\r\n", Leaf));

    [Fact]
    public void Leaf_op_names_are_case_insensitive() =>
        Assert.Equal(["LS+ a", "LS- a", "LMSG a 1 [x]"], EverySplit.Read("ls+ a\r\nLs- a\r\nlmsg a 1\r\nx\r\n", Leaf));

    [Fact]
    public void Ls_plus_with_a_queue_but_no_weight_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LS+ foo q\r\n", Leaf));

    [Theory]
    [InlineData("LS+ foo q x\r\n")]
    [InlineData("LS+ foo q 3x\r\n")]
    [InlineData("LS+ foo q -1\r\n")]
    [InlineData("LS+ foo q 1234567890\r\n")]
    public void Ls_plus_with_a_weight_that_is_not_a_size_counts_as_one_member_as_in_nats_server(string input) =>
        Assert.Equal(["LS+ foo q 1"], EverySplit.Read(input, Leaf));

    [Fact]
    public void Ls_plus_with_four_arguments_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LS+ foo q 3 extra\r\n", Leaf));

    [Fact]
    public void Ls_plus_without_a_subject_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LS+ \r\n", Leaf));

    [Fact]
    public void Ls_minus_with_three_arguments_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LS- foo q 3\r\n", Leaf));

    [Fact]
    public void Lmsg_with_subject_and_size_carries_the_payload() =>
        Assert.Equal(["LMSG subj 3 [abc]"], EverySplit.Read("LMSG subj 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_with_a_reply_carries_the_reply() =>
        Assert.Equal(["LMSG subj reply 3 [abc]"], EverySplit.Read("LMSG subj reply 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_with_plus_carries_the_reply_and_every_queue_name() =>
        Assert.Equal(["LMSG subj reply (queues: q1 q2) 3 [abc]"], EverySplit.Read("LMSG subj + reply q1 q2 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_with_bar_carries_the_queue_names_and_no_reply() =>
        Assert.Equal(["LMSG subj (queues: q1) 3 [abc]"], EverySplit.Read("LMSG subj | q1 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_with_plus_and_a_reply_but_no_queue_is_the_queue_form_with_no_queues() =>
        Assert.Equal(["LMSG subj reply (queues: ) 3 [abc]"], EverySplit.Read("LMSG subj + reply 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_with_an_empty_payload_is_read() =>
        Assert.Equal(["LMSG subj 0 []"], EverySplit.Read("LMSG subj 0\r\n\r\n", Leaf));

    [Fact]
    public void Lmsg_payload_may_hold_crlf_because_the_size_frames_it() =>
        Assert.Equal(["LMSG subj 4 [a\\r\\nb]"], EverySplit.Read("LMSG subj 4\r\na\r\nb\r\n", Leaf));

    [Fact]
    public void Lmsg_payload_is_jumped_over_to_the_next_op() =>
        Assert.Equal(["LMSG a 3 [abc]", "LS+ b", "PING"], EverySplit.Read("LMSG a 3\r\nabc\r\nLS+ b\r\nPING\r\n", Leaf));

    [Fact]
    public void Lmsg_with_two_middle_arguments_and_no_marker_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LMSG subj reply extra 3\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_without_a_size_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LMSG subj\r\n", Leaf));

    [Fact]
    public void Lmsg_with_a_size_that_is_not_a_number_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("LMSG subj abc\r\nabc\r\n", Leaf));

    [Fact]
    public void Lmsg_payload_not_followed_by_crlf_is_an_unknown_operation() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("LMSG subj 2\r\nabc\r\n", Leaf));

    [Fact]
    public void Hmsg_splits_header_block_and_payload_at_the_header_size() =>
        Assert.Equal(["HMSG subj 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"], EverySplit.Read("HMSG subj 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Hmsg_with_a_reply_carries_the_reply() =>
        Assert.Equal(["HMSG subj reply 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"], EverySplit.Read("HMSG subj reply 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Hmsg_with_bar_carries_the_queue_name() =>
        Assert.Equal(["HMSG subj (queues: q) 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"], EverySplit.Read("HMSG subj | q 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Hmsg_with_plus_carries_reply_and_queue_names() =>
        Assert.Equal(
            ["HMSG subj reply (queues: q1 q2) 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"],
            EverySplit.Read("HMSG subj + reply q1 q2 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Hmsg_with_a_header_size_above_the_total_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("HMSG subj 15 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Hmsg_with_one_size_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("HMSG subj 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf));

    [Fact]
    public void Lmsg_longer_than_max_payload_is_refused() =>
        Assert.Equal(["ERR:MaxPayloadExceeded"], EverySplit.Read("LMSG subj 9\r\n123456789\r\n", Leaf with { MaxPayload = 8 }));

    [Fact]
    public void Lmsg_exactly_at_max_payload_is_read() =>
        Assert.Equal(["LMSG subj 8 [12345678]"], EverySplit.Read("LMSG subj 8\r\n12345678\r\n", Leaf with { MaxPayload = 8 }));

    [Fact]
    public void Lmsg_in_the_queue_form_longer_than_max_payload_is_refused() =>
        Assert.Equal(["ERR:MaxPayloadExceeded"], EverySplit.Read("LMSG subj | q 9\r\n123456789\r\n", Leaf with { MaxPayload = 8 }));

    [Fact]
    public void Hmsg_whose_total_is_longer_than_max_payload_is_refused() =>
        Assert.Equal(["ERR:MaxPayloadExceeded"], EverySplit.Read("HMSG subj 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Leaf with { MaxPayload = 13 }));

    [Fact]
    public void Client_connection_gets_unknown_operation_for_ls_plus() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("LS+ foo\r\n"));

    [Fact]
    public void Client_connection_gets_unknown_operation_for_ls_minus() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("LS- foo\r\n"));

    [Fact]
    public void Client_connection_gets_unknown_operation_for_lmsg() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("LMSG x 1\r\na\r\n"));

    [Fact]
    public void Client_connection_gets_unknown_operation_for_hmsg() =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read("HMSG x 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"));

    [Fact]
    public void Client_connection_still_reads_hpub_after_the_leaf_check_on_h() =>
        Assert.Equal(["HPUB x 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"], EverySplit.Read("HPUB x 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"));

    [Fact]
    public void Leaf_connection_reads_the_shared_ops() =>
        Assert.Equal(["PING", "PONG", "INFO {}", "-ERR 'x'"], EverySplit.Read("PING\r\nPONG\r\nINFO {}\r\n-ERR 'x'\r\n", Leaf));

    // nats-server's parser knows a client's op names on every connection; a leaf link refuses them.
    [Theory]
    [InlineData("PUB a 1\r\nx\r\n")]
    [InlineData("HPUB a 12 14\r\nNATS/1.0\r\n\r\nhi\r\n")]
    [InlineData("SUB a 1\r\n")]
    [InlineData("UNSUB 1\r\n")]
    public void A_clients_own_op_on_a_leaf_connection_is_an_unknown_operation(string input) =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read(input, Leaf));

    [Theory]
    [InlineData("LX foo\r\n")]
    [InlineData("LS* foo\r\n")]
    [InlineData("LS+foo\r\n")]
    [InlineData("LMSGfoo 1\r\nx\r\n")]
    [InlineData("HMX foo 1\r\n")]
    public void Leaf_connection_gets_unknown_operation_for_a_near_miss_op_name(string input) =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read(input, Leaf));
}
