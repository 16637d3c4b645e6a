using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Queue subscriptions share the messages.</summary>
public sealed class QueueGroupTests
{
    private const int Messages = 20;

    [ServerTheory]
    public async Task Queue_group_delivers_each_message_to_exactly_one_member(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var first = await RawClient.OpenSessionAsync(server.Port);
        await using var second = await RawClient.OpenSessionAsync(server.Port);
        await using var publisher = await RawClient.OpenSessionAsync(server.Port);
        await first.SendAsync("SUB foo workers 1\r\n");
        await first.PingPongAsync();
        await second.SendAsync("SUB foo workers 2\r\n");
        await second.PingPongAsync();

        for (var i = 0; i < Messages; i++)
        {
            await publisher.SendAsync($"PUB foo 2\r\n{i:D2}\r\n");
        }

        await publisher.PingPongAsync();

        // Everything routed is queued on the members before the publisher's PONG; a PING to each
        // member now returns after its share.
        var payloads = new List<string>();
        payloads.AddRange(Payloads(await RoundTripAsync(first)));
        payloads.AddRange(Payloads(await RoundTripAsync(second)));
        payloads.Sort(StringComparer.Ordinal);
        var expected = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            expected.Add($"{i:D2}");
        }

        Assert.Equal(expected, payloads);
    }

    [ServerTheory]
    public async Task Queue_group_on_one_connection_delivers_one_copy(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo q 1\r\nSUB foo q 2\r\nPUB foo 1\r\na\r\nPING\r\n");

        var received = await client.ReadUntilAsync("PONG\r\n");
        Assert.Single(Payloads(received));
    }

    [ServerTheory]
    public async Task Queue_members_with_different_patterns_form_one_group(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.* q 1\r\nSUB foo.> q 2\r\nPUB foo.bar 1\r\na\r\nPING\r\n");

        var received = await client.ReadUntilAsync("PONG\r\n");
        Assert.Single(Payloads(received));
    }

    [ServerTheory]
    public async Task Queue_group_and_plain_subscriber_each_get_the_message(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo q 1\r\nSUB foo 2\r\nPUB foo 1\r\na\r\nPING\r\n");

        var received = await client.ReadUntilAsync("PONG\r\n");
        Assert.Contains("MSG foo 1 1\r\na\r\n", received, StringComparison.Ordinal);
        Assert.Contains("MSG foo 2 1\r\na\r\n", received, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Two_queue_groups_each_get_one_copy(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo a 1\r\nSUB foo a 2\r\nSUB foo b 3\r\nSUB foo b 4\r\nPUB foo 1\r\nx\r\nPING\r\n");

        var received = await client.ReadUntilAsync("PONG\r\n");
        Assert.Equal(2, Payloads(received).Count);
        Assert.Matches(@"MSG foo [12] 1\r\nx\r\n", received);
        Assert.Matches(@"MSG foo [34] 1\r\nx\r\n", received);
    }

    private static async Task<string> RoundTripAsync(RawClient client)
    {
        await client.SendAsync("PING\r\n");
        return await client.ReadUntilAsync("PONG\r\n");
    }

    // Each "MSG foo <sid> 2" line is followed by its two-byte payload line.
    private static List<string> Payloads(string received)
    {
        var payloads = new List<string>();
        var lines = received.Split("\r\n");
        for (var i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].StartsWith("MSG ", StringComparison.Ordinal))
            {
                payloads.Add(lines[++i]);
            }
        }

        return payloads;
    }
}
