using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// A known op with arguments that do not parse: nats-server closes without any -ERR.
/// </summary>
public sealed class MalformedArgumentTests
{
    [ServerTheory]
    public async Task Pub_without_a_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_a_negative_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo -1\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_a_non_numeric_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 1x\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_a_ten_digit_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 0000000002\r\nhi\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_too_many_arguments_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo bar baz 2\r\nhi\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Sub_without_a_sid_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Unsub_without_a_sid_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("UNSUB \r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_with_unterminated_json_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {bad\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_with_header_size_above_total_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"headers\":true}");

        await client.SendAsync("HPUB foo 14 10\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hpub_with_only_one_size_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"headers\":true}");

        await client.SendAsync("HPUB foo 12\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Sub_with_too_many_arguments_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo bar baz 1\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Unsub_with_too_many_arguments_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("UNSUB 1 2 3\r\n");

        await client.AssertClosedAsync();
    }
}
