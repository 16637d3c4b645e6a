using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>UNSUB now and UNSUB after a number of messages.</summary>
public sealed class UnsubTests
{
    [ServerTheory]
    public async Task Unsub_stops_delivery(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 1\r\na\r\nUNSUB 1\r\nPUB foo 1\r\nb\r\nPING\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Unsub_with_max_2_before_any_message_lets_exactly_two_through(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nUNSUB 1 2\r\nPUB foo 1\r\na\r\nPUB foo 1\r\nb\r\nPUB foo 1\r\nc\r\nPING\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\nMSG foo 1 1\r\nb\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Unsub_with_max_counts_messages_delivered_before_the_unsub(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 1\r\na\r\nUNSUB 1 1\r\nPUB foo 1\r\nb\r\nPING\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Unsub_with_max_removes_the_subscription_so_its_sid_can_be_reused(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nUNSUB 1 1\r\nPUB foo 1\r\na\r\nSUB bar 1\r\nPUB bar 1\r\nb\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\nMSG bar 1 1\r\nb\r\n");
    }

    [ServerTheory]
    public async Task Unsub_of_an_unknown_sid_is_ignored(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("UNSUB 99\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Unsub_of_an_unknown_sid_is_answered_with_ok_in_verbose_mode(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("UNSUB 99\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Unsub_frees_the_sid_for_a_new_subscription(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nUNSUB 1\r\nSUB bar 1\r\nPUB foo 1\r\na\r\nPUB bar 1\r\nb\r\nPING\r\n");

        await client.ExpectAsync("MSG bar 1 1\r\nb\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Unsub_with_a_non_numeric_max_removes_the_subscription_now(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nUNSUB 1 x\r\nPUB foo 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }
}
