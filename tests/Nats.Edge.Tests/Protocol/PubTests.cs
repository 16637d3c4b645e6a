using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>PUB in, MSG out, byte for byte.</summary>
public sealed class PubTests
{
    [ServerTheory]
    public async Task Pub_is_delivered_as_msg_with_subject_sid_size_and_payload(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 5\r\nhello\r\n");

        await client.ExpectAsync("MSG foo 1 5\r\nhello\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_reply_subject_is_delivered_with_that_reply_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo _INBOX.abc 5\r\nhello\r\n");

        await client.ExpectAsync("MSG foo 1 _INBOX.abc 5\r\nhello\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_zero_length_payload_is_delivered_with_an_empty_payload(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 0\r\n\r\n");

        await client.ExpectAsync("MSG foo 1 0\r\n\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_reply_and_zero_length_payload_is_delivered_with_both(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo bar 0\r\n\r\n");

        await client.ExpectAsync("MSG foo 1 bar 0\r\n\r\n");
    }

    [ServerTheory]
    public async Task Pub_size_with_leading_zeros_is_echoed_verbatim_in_msg(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 005\r\nhello\r\n");

        await client.ExpectAsync("MSG foo 1 005\r\nhello\r\n");
    }

    [ServerTheory]
    public async Task Pub_payload_may_contain_crlf_because_its_length_is_announced(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 8\r\nPING\r\nA\r\r\n");

        await client.ExpectAsync("MSG foo 1 8\r\nPING\r\nA\r\r\n");
    }

    [ServerTheory]
    public async Task Pub_payload_bytes_are_delivered_unchanged(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        var payload = new byte[256];
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)i;
        }

        await client.SendAsync("SUB foo 1\r\nPUB foo 256\r\n");
        await client.SendBytesAsync(payload);
        await client.SendAsync("\r\n");

        await client.ExpectAsync("MSG foo 1 256\r\n" + System.Text.Encoding.Latin1.GetString(payload) + "\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_extra_spaces_and_tabs_between_arguments_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB\tfoo\t \t1\r\nPUB  foo   2  \r\nhi\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Pub_and_sub_in_lower_case_work(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("sub foo 1\r\npub foo 2\r\nhi\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Control_lines_ended_by_bare_line_feeds_are_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\nPUB foo 2\nhi\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Pub_in_verbose_mode_is_answered_with_ok_before_the_delivery(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":true}\r\nSUB foo 1\r\nPUB foo 2\r\nhi\r\n");

        await client.ExpectAsync("+OK\r\n+OK\r\n+OK\r\nMSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Pub_from_another_connection_is_delivered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var subscriber = await RawClient.OpenSessionAsync(server.Port);
        await using var publisher = await RawClient.OpenSessionAsync(server.Port);
        await subscriber.SendAsync("SUB foo 1\r\n");
        await subscriber.PingPongAsync();

        await publisher.SendAsync("PUB foo 2\r\nhi\r\n");

        await subscriber.ExpectAsync("MSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Pub_with_no_subscriber_is_dropped_silently(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }
}
