using System.Buffers;
using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The MSG and HMSG control lines of a delivery.</summary>
public class MessageLineTests
{
    private static readonly byte[] HeaderBlock = "NATS/1.0\r\n\r\n"u8.ToArray();

    [Fact]
    public void Msg_is_subject_sid_and_size() =>
        Assert.Equal("MSG foo 1 2\r\n", Write(Plain("foo", "", "2", "hi"), "1", withHeaders: false));

    [Fact]
    public void Msg_with_reply_puts_the_reply_between_sid_and_size() =>
        Assert.Equal("MSG foo 1 _INBOX.x 2\r\n", Write(Plain("foo", "_INBOX.x", "2", "hi"), "1", withHeaders: false));

    [Fact]
    public void Msg_echoes_the_size_token_as_published() =>
        Assert.Equal("MSG foo 1 005\r\n", Write(Plain("foo", "", "005", "hello"), "1", withHeaders: false));

    [Fact]
    public void Msg_without_headers_stays_msg_for_a_subscriber_with_header_support() =>
        Assert.Equal("MSG foo 1 2\r\n", Write(Plain("foo", "", "2", "hi"), "1", withHeaders: true));

    [Fact]
    public void Hmsg_carries_header_and_total_sizes() =>
        Assert.Equal("HMSG foo 9 12 14\r\n", Write(WithHeaders("foo", "", "hi"), "9", withHeaders: true));

    [Fact]
    public void Hmsg_with_reply_puts_the_reply_between_sid_and_sizes() =>
        Assert.Equal("HMSG foo 9 _INBOX.x 12 14\r\n", Write(WithHeaders("foo", "_INBOX.x", "hi"), "9", withHeaders: true));

    [Fact]
    public void Message_with_headers_reaches_a_subscriber_without_header_support_as_msg_of_the_payload_size() =>
        Assert.Equal("MSG foo 9 2\r\n", Write(WithHeaders("foo", "", "hi"), "9", withHeaders: false));

    [Fact]
    public void Header_stripping_keeps_the_reply() =>
        Assert.Equal("MSG foo 9 r 5\r\n", Write(WithHeaders("foo", "r", "hello"), "9", withHeaders: false));

    [Fact]
    public void Header_stripping_of_a_headers_only_message_announces_zero_bytes() =>
        Assert.Equal("MSG foo 9 0\r\n", Write(WithHeaders("foo", "", ""), "9", withHeaders: false));

    [Fact]
    public void Max_length_bounds_the_longest_line()
    {
        // Nine-digit sizes, a reply and header stripping: every variable part at its longest.
        var message = new InboundMessage("a.b.c"u8, "_INBOX.abcdef"u8, "123456789 999999999"u8, 123_456_789, default);
        Assert.True(MessageLine.MaxLength(message, "1234"u8) >= "HMSG a.b.c 1234 _INBOX.abcdef 123456789 999999999\r\n".Length);
    }

    private static string Write(InboundMessage message, string sid, bool withHeaders)
    {
        var sidBytes = Encoding.ASCII.GetBytes(sid);
        var line = new byte[MessageLine.MaxLength(message, sidBytes)];
        var written = MessageLine.Write(line, message, sidBytes, withHeaders);
        return Encoding.ASCII.GetString(line, 0, written);
    }

    private static InboundMessage Plain(string subject, string reply, string size, string payload) =>
        new(Encoding.ASCII.GetBytes(subject), Encoding.ASCII.GetBytes(reply), Encoding.ASCII.GetBytes(size), -1,
            new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(payload)));

    private static InboundMessage WithHeaders(string subject, string reply, string payload)
    {
        byte[] data = [.. HeaderBlock, .. Encoding.ASCII.GetBytes(payload)];
        var sizes = Encoding.ASCII.GetBytes($"{HeaderBlock.Length} {data.Length}");
        return new(Encoding.ASCII.GetBytes(subject), Encoding.ASCII.GetBytes(reply), sizes, HeaderBlock.Length, new ReadOnlySequence<byte>(data));
    }
}
