using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>PING/PONG from the client side and op-name case.</summary>
public sealed class PingPongTests
{
    [ServerTheory]
    public async Task Ping_is_answered_with_pong(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_before_connect_is_answered_with_pong(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("PING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_with_a_trailing_space_is_answered_with_pong(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PING \r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_followed_by_other_bytes_before_the_line_end_is_still_a_ping(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PINGX\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_in_lower_case_is_answered_with_pong(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("ping\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_in_mixed_case_is_answered_with_pong(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PiNg\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Ping_ended_by_a_bare_line_feed_is_answered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PING\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Pong_from_the_client_is_not_answered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PONG\r\nPING\r\n");

        // Only the PING's reply: the PONG produced nothing.
        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Several_pings_in_one_write_get_one_pong_each(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PING\r\nPING\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\nPONG\r\nPONG\r\n");
    }
}
