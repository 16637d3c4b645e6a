using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>INFO, +OK and -ERR sent by a client.</summary>
public sealed class ClientControlTests
{
    [ServerTheory]
    public async Task Err_from_a_client_closes_the_connection_without_reply(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("-ERR 'something went wrong'\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Ok_from_a_client_is_ignored(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("+OK\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Info_from_a_client_is_ignored(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("INFO {\"server_id\":\"x\"}\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Info_from_a_client_with_invalid_json_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("INFO {bad\r\nPING\r\n");

        await client.AssertClosedAsync();
    }
}
