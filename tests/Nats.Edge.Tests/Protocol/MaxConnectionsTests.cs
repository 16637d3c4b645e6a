using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>max_connections: INFO is still sent, then the error.</summary>
public sealed class MaxConnectionsTests
{
    [ServerTheory]
    public async Task Connection_over_max_connections_gets_info_then_maximum_connections_exceeded_and_close(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxConnections = 1 });
        // The PONG proves the first connection is registered, not just accepted.
        await using var first = await RawClient.OpenSessionAsync(server.Port);
        await using var second = await RawClient.ConnectAsync(server.Port);

        await second.ReadInfoAsync();

        await second.ExpectAsync("-ERR 'maximum connections exceeded'\r\n");
        await second.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connection_rejected_for_max_connections_leaves_the_first_one_working(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxConnections = 1 });
        await using var first = await RawClient.OpenSessionAsync(server.Port);
        await using (var second = await RawClient.ConnectAsync(server.Port))
        {
            await second.ReadInfoAsync();
            await second.ExpectAsync("-ERR 'maximum connections exceeded'\r\n");
        }

        await first.SendAsync("SUB foo 1\r\nPUB foo 1\r\na\r\n");

        await first.ExpectAsync("MSG foo 1 1\r\na\r\n");
    }
}
