using System.Diagnostics;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Server PINGs and the stale-connection close.</summary>
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

        await client.SendAsync("CONNECT {\"verbose\":false}\r\n");

        await client.ExpectAsync("PING\r\n");
        await client.ExpectAsync("-ERR 'Stale Connection'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Client_that_never_sends_connect_is_pinged_and_closed_as_stale_too(ServerTarget target)
    {
        // Before CONNECT nats-server already runs the ping timer, at the full interval from accept.
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
        // A 1 s interval with ping_max 3 leaves a PONG two whole intervals to arrive while parallel
        // tests load the machine; a client that did not answer would get the stale error instead.
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with
        {
            PingInterval = TimeSpan.FromSeconds(1),
            MaxPingsOutstanding = 3,
        });
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        for (var round = 0; round < 3; round++)
        {
            // Data from the client within an interval skips that interval's PING, so the next may be
            // two intervals away; a loaded CI machine adds to that.
            await client.ExpectAsync("PING\r\n", TimeSpan.FromSeconds(6));
            await client.SendAsync("PONG\r\n");
        }

        await client.PingPongAsync();
    }

    [ServerTheory]
    public async Task First_server_ping_comes_about_two_seconds_after_connect_even_with_the_default_interval(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();
        await client.SendAsync("CONNECT {\"verbose\":false}\r\n");
        var sinceConnect = Stopwatch.StartNew();

        // nats-server: min(ping_interval, 2 s) plus up to 20 % jitter, to measure RTT early.
        await client.ExpectAsync("PING\r\n", TimeSpan.FromSeconds(4));

        Assert.True(sinceConnect.Elapsed >= TimeSpan.FromSeconds(1.5), $"first PING after {sinceConnect.Elapsed}");
    }
}
