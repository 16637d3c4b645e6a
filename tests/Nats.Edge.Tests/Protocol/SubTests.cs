using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>SUB and its delivery rules.</summary>
public sealed class SubTests
{
    [ServerTheory]
    public async Task Sub_in_verbose_mode_is_answered_with_ok(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":true}\r\nSUB foo 1\r\n");

        await client.ExpectAsync("+OK\r\n+OK\r\n");
    }

    [ServerTheory]
    public async Task Every_matching_subscription_of_one_connection_gets_its_own_copy(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.* 1\r\nSUB foo.> 2\r\nSUB > 3\r\nPUB foo.bar 1\r\na\r\nPING\r\n");

        // The order between subscriptions is not part of the protocol.
        var received = await client.ReadUntilAsync("PONG\r\n");
        Assert.Equal(
            ["MSG foo.bar 1 1", "MSG foo.bar 2 1", "MSG foo.bar 3 1"],
            MsgLines(received));
    }

    [ServerTheory]
    public async Task Sub_with_a_sid_already_in_use_is_ignored_and_the_first_stays(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nSUB bar 1\r\nPUB foo 1\r\na\r\nPUB bar 1\r\nb\r\nPING\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_with_a_sid_already_in_use_is_still_answered_with_ok_in_verbose_mode(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("SUB foo 1\r\nSUB bar 1\r\n");

        await client.ExpectAsync("+OK\r\n+OK\r\n");
    }

    [ServerTheory]
    public async Task Sids_are_opaque_tokens(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo my-sid.X\r\nPUB foo 1\r\na\r\n");

        await client.ExpectAsync("MSG foo my-sid.X 1\r\na\r\n");
    }

    [ServerTheory]
    public async Task Echo_false_keeps_a_connection_from_receiving_its_own_messages(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"echo\":false}");

        await client.SendAsync("SUB foo 1\r\nPUB foo 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Echo_false_still_delivers_messages_from_other_connections(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"echo\":false}");
        await using var other = await RawClient.OpenSessionAsync(server.Port);
        await client.SendAsync("SUB foo 1\r\n");
        await client.PingPongAsync();

        await other.SendAsync("PUB foo 1\r\na\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\n");
    }

    [ServerTheory]
    public async Task Echo_false_does_not_hide_the_connection_s_messages_from_others(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var publisher = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"echo\":false}");
        await using var subscriber = await RawClient.OpenSessionAsync(server.Port);
        await subscriber.SendAsync("SUB foo 1\r\n");
        await subscriber.PingPongAsync();

        await publisher.SendAsync("PUB foo 1\r\na\r\n");

        await subscriber.ExpectAsync("MSG foo 1 1\r\na\r\n");
    }

    private static List<string> MsgLines(string received)
    {
        var lines = new List<string>();
        foreach (var line in received.Split("\r\n"))
        {
            if (line.StartsWith("MSG ", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
