using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>The default 4096-byte limit on a control line's arguments.</summary>
public sealed class MaxControlLineTests
{
    // nats-server's default max_control_line; the limit counts the bytes after "SUB ".
    private const int Limit = 4096;

    [ServerTheory]
    public async Task Sub_whose_arguments_are_exactly_the_limit_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        var subject = new string('a', Limit - " 1".Length);

        await client.SendAsync($"SUB {subject} 1\r\nPUB {subject} 1\r\nx\r\n");

        await client.ExpectAsync($"MSG {subject} 1 1\r\nx\r\n");
    }

    [ServerTheory]
    public async Task Sub_whose_arguments_exceed_the_limit_closes_with_maximum_control_line_exceeded(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        var subject = new string('a', Limit + 1 - " 1".Length);

        await client.SendAsync($"SUB {subject} 1\r\n");

        await client.ExpectAsync("-ERR 'maximum control line exceeded'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_whose_arguments_exceed_the_limit_closes_with_maximum_control_line_exceeded(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        var subject = new string('a', Limit + 1 - " 0".Length);

        await client.SendAsync($"PUB {subject} 0\r\n\r\n");

        await client.ExpectAsync("-ERR 'maximum control line exceeded'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Unterminated_line_longer_than_the_limit_closes_with_maximum_control_line_exceeded(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        // No line end ever comes: the partial line alone must trip the limit.
        await client.SendAsync("SUB " + new string('a', 2 * Limit));

        await client.ExpectAsync("-ERR 'maximum control line exceeded'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_longer_than_the_limit_closes_with_maximum_control_line_exceeded(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync($"CONNECT {{\"verbose\":false,\"name\":\"{new string('n', Limit)}\"}}\r\n");

        await client.ExpectAsync("-ERR 'maximum control line exceeded'\r\n");
        await client.AssertClosedAsync();
    }
}
