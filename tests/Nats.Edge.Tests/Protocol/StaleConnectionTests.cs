using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Server PINGs and the stale-connection close — spec/client-protocol.md §9.</summary>
public sealed class StaleConnectionTests
{
    // Short enough to see three server PINGs within a test's few seconds.
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(500);

    [ServerTheory]
    public async Task Client_that_never_answers_gets_ping_then_stale_connection_then_close(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with
        {
            PingInterval = PingInterval,
            MaxPingsOutstanding = 1,
        });
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.ExpectAsync("PING\r\n");

        await client.ExpectAsync("-ERR 'Stale Connection'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Client_that_answers_every_ping_stays_connected(ServerTarget target)
    {
        // ping_max 2 leaves a PONG a whole interval to arrive on a loaded machine; a client that did
        // not answer would get the stale error instead of the third PING.
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with
        {
            PingInterval = PingInterval,
            MaxPingsOutstanding = 2,
        });
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        for (var round = 0; round < 3; round++)
        {
            await client.ExpectAsync("PING\r\n");
            await client.SendAsync("PONG\r\n");
        }

        await client.PingPongAsync();
    }
}
