using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>HPUB in, HMSG (or stripped MSG) out.</summary>
public sealed class HeaderTests
{
    private const string HeadersConnect = "{\"verbose\":false,\"pedantic\":false,\"headers\":true}";

    [ServerTheory]
    public async Task Hpub_is_delivered_as_hmsg_with_both_sizes_and_the_block_unchanged(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("SUB foo 1\r\nHPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

        await client.ExpectAsync("HMSG foo 1 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Hpub_with_reply_subject_is_delivered_with_that_reply_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("SUB foo 1\r\nHPUB foo r 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

        await client.ExpectAsync("HMSG foo 1 r 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Hpub_header_names_keep_their_case_and_repeats(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);
        const string block = "NATS/1.0\r\nmIxEd-Case: v1\r\nmIxEd-Case: v2\r\n\r\n";

        await client.SendAsync($"SUB foo 1\r\nHPUB foo {block.Length} {block.Length + 2}\r\n{block}hi\r\n");

        await client.ExpectAsync($"HMSG foo 1 {block.Length} {block.Length + 2}\r\n{block}hi\r\n");
    }

    [ServerTheory]
    public async Task Hpub_with_empty_payload_is_delivered_with_equal_sizes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("SUB foo 1\r\nHPUB foo 18 18\r\nNATS/1.0\r\nA: b\r\n\r\n\r\n");

        await client.ExpectAsync("HMSG foo 1 18 18\r\nNATS/1.0\r\nA: b\r\n\r\n\r\n");
    }

    [ServerTheory]
    public async Task Hpub_to_a_subscriber_without_headers_arrives_as_msg_with_the_block_stripped(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var subscriber = await RawClient.OpenSessionAsync(server.Port);
        await using var publisher = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);
        await subscriber.SendAsync("SUB foo 1\r\n");
        await subscriber.PingPongAsync();

        await publisher.SendAsync("HPUB foo r 18 20\r\nNATS/1.0\r\nA: b\r\n\r\nhi\r\n");

        await subscriber.ExpectAsync("MSG foo 1 r 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Hpub_with_only_headers_to_a_subscriber_without_headers_arrives_as_empty_msg(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var subscriber = await RawClient.OpenSessionAsync(server.Port);
        await using var publisher = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);
        await subscriber.SendAsync("SUB foo 1\r\n");
        await subscriber.PingPongAsync();

        await publisher.SendAsync("HPUB foo 12 12\r\nNATS/1.0\r\n\r\n\r\n");

        await subscriber.ExpectAsync("MSG foo 1 0\r\n\r\n");
    }

    [ServerTheory]
    public async Task Pub_to_a_subscriber_with_headers_arrives_as_plain_msg(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("SUB foo 1\r\nPUB foo 2\r\nhi\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Hpub_from_a_connection_that_did_not_announce_headers_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_before_any_connect_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_with_header_size_larger_than_total_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("HPUB foo 14 10\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_header_block_is_forwarded_without_being_validated(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, HeadersConnect);

        await client.SendAsync("SUB foo 1\r\nHPUB foo 2 2\r\nab\r\n");

        await client.ExpectAsync("HMSG foo 1 2 2\r\nab\r\n");
    }
}
