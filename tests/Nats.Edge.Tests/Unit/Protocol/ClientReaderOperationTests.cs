namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>Each operation a client may send, read as nats-server reads it.</summary>
public class ClientReaderOperationTests
{
    [Fact]
    public void Pub_hands_over_subject_size_and_payload() =>
        Assert.Equal(["PUB foo 5 [hello]"], EverySplit.Read("PUB foo 5\r\nhello\r\n"));

    [Fact]
    public void Pub_with_reply_hands_over_the_reply() =>
        Assert.Equal(["PUB foo _INBOX.1 5 [hello]"], EverySplit.Read("PUB foo _INBOX.1 5\r\nhello\r\n"));

    [Fact]
    public void Pub_with_zero_length_payload_is_a_control_line_and_an_empty_line() =>
        Assert.Equal(["PUB foo 0 []"], EverySplit.Read("PUB foo 0\r\n\r\n"));

    [Fact]
    public void Pub_size_token_is_kept_verbatim() =>
        Assert.Equal(["PUB foo 005 [hello]"], EverySplit.Read("PUB foo 005\r\nhello\r\n"));

    [Fact]
    public void Pub_size_with_leading_zeros_is_delivered_verbatim()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed("PUB foo 005\r\nhello\r\n");
        Assert.Equal(["MSG foo 1 005\\r\\n"], driver.Handler.Deliveries);
    }

    [Fact]
    public void Pub_payload_may_hold_CR_LF_because_it_is_skipped_by_size() =>
        Assert.Equal(["PUB foo 6 [\\r\\nPING]"], EverySplit.Read("PUB foo 6\r\n\r\nPING\r\n"));

    [Fact]
    public void Pub_waits_for_its_whole_payload_and_its_CR_LF()
    {
        var driver = new SplitReadDriver(BufferShape.SegmentPerRead);
        driver.Feed("PUB foo 5\r\nhello\r");
        Assert.Empty(driver.Calls);
        Assert.Equal("PUB foo 5\r\nhello\r", driver.Unconsumed);

        driver.Feed("\n");
        Assert.Equal(["PUB foo 5 [hello]"], driver.Calls);
        Assert.Equal("", driver.Unconsumed);
    }

    [Fact]
    public void Hpub_separates_the_header_block_from_the_payload() =>
        Assert.Equal(
            ["HPUB foo 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"],
            EverySplit.Read("HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n"));

    [Fact]
    public void Hpub_with_reply_hands_over_the_reply() =>
        Assert.Equal(
            ["HPUB foo _INBOX.1 18 21 [NATS/1.0\\r\\nA: b\\r\\n\\r\\n|bye]"],
            EverySplit.Read("HPUB foo _INBOX.1 18 21\r\nNATS/1.0\r\nA: b\r\n\r\nbye\r\n"));

    [Fact]
    public void Hpub_with_headers_only_has_an_empty_payload() =>
        Assert.Equal(
            ["HPUB foo 12 12 [NATS/1.0\\r\\n\\r\\n|]"],
            EverySplit.Read("HPUB foo 12 12\r\nNATS/1.0\r\n\r\n\r\n"));

    [Fact]
    public void Hpub_is_delivered_with_both_sizes()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed("HPUB foo r 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");
        Assert.Equal(["HMSG foo 1 r 12 14\\r\\n"], driver.Handler.Deliveries);
    }

    [Fact]
    public void Sub_without_queue_hands_over_subject_and_sid() =>
        Assert.Equal(["SUB foo.* 1"], EverySplit.Read("SUB foo.* 1\r\n"));

    [Fact]
    public void Sub_with_queue_hands_over_the_queue() =>
        Assert.Equal(["SUB foo workers 1"], EverySplit.Read("SUB foo workers 1\r\n"));

    [Fact]
    public void Unsub_without_max_removes_now() =>
        Assert.Equal(["UNSUB 1 0"], EverySplit.Read("UNSUB 1\r\n"));

    [Fact]
    public void Unsub_with_max_hands_over_the_max() =>
        Assert.Equal(["UNSUB 1 5"], EverySplit.Read("UNSUB 1 5\r\n"));

    [Theory]
    [InlineData("x")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1234567890")]
    public void Unsub_with_a_max_that_is_not_a_number_removes_now(string max) =>
        Assert.Equal(["UNSUB 1 0"], EverySplit.Read($"UNSUB 1 {max}\r\n"));

    [Fact]
    public void Ping_is_read() => Assert.Equal(["PING"], EverySplit.Read("PING\r\n"));

    [Fact]
    public void Pong_is_read() => Assert.Equal(["PONG"], EverySplit.Read("PONG\r\n"));

    [Fact]
    public void Plus_ok_from_a_client_is_read_and_ignored() =>
        Assert.Equal(["PING"], EverySplit.Read("+OK\r\nPING\r\n"));

    [Fact]
    public void Info_from_a_client_hands_over_its_json() =>
        Assert.Equal(["INFO {\"server_id\":\"x\"}"], EverySplit.Read("INFO {\"server_id\":\"x\"}\r\n"));

    [Fact]
    public void Minus_err_from_a_client_hands_over_its_text() =>
        Assert.Equal(["-ERR 'oops'"], EverySplit.Read("-ERR 'oops'\r\n"));

    [Fact]
    public void Connect_hands_over_its_json() =>
        Assert.Equal(["CONNECT {\"verbose\":false}"], EverySplit.Read("CONNECT {\"verbose\":false}\r\n"));

    [Fact]
    public void Connect_may_run_straight_into_its_json() =>
        Assert.Equal(["CONNECT {}"], EverySplit.Read("CONNECT{}\r\n"));

    [Fact]
    public void Every_operation_in_one_read_is_handled_in_order() =>
        Assert.Equal(
            ["PING", "SUB a 1", "PUB a 1 [x]", "UNSUB 1 0", "PONG"],
            EverySplit.Read("PING\r\nSUB a 1\r\nPUB a 1\r\nx\r\nUNSUB 1\r\nPONG\r\n"));

    [Fact]
    public void Reader_consumes_every_complete_operation_and_keeps_the_incomplete_one()
    {
        var driver = new SplitReadDriver(BufferShape.Contiguous);
        driver.Feed("PING\r\nSUB foo 1\r\nSUB ba");
        Assert.Equal(["PING", "SUB foo 1"], driver.Calls);
        Assert.Equal("SUB ba", driver.Unconsumed);
    }
}
