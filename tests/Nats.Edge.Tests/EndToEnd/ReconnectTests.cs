using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>A NATS.Net client rides out a server restart on the same port.</summary>
public sealed class ReconnectTests
{
    // Covers the client's backoff (at most 200 ms here) plus a slow restart on a busy machine.
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(10);

    [ServerTheory]
    public async Task Client_reconnects_after_a_restart_and_pub_sub_works_again(ServerTarget target)
    {
        var port = TestPorts.Free();
        var server = await TestServers.StartAsync(target, TestServers.Defaults with { Port = port });
        try
        {
            await using var nats = await TestClients.ConnectAsync(server);
            var reopened = WhenReopened(nats);

            await server.DisposeAsync();
            server = await TestServers.StartAsync(target, TestServers.Defaults with { Port = port });
            await reopened.WaitAsync(ReconnectDeadline);

            await using var sub = await nats.SubscribeCoreAsync<string>("after");
            await nats.PingAsync();
            await nats.PublishAsync("after", "restart");
            Assert.Equal("restart", (await TestClients.NextAsync(sub)).Data);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [ServerTheory]
    public async Task Subscription_made_before_a_restart_is_restored_on_reconnect(ServerTarget target)
    {
        var port = TestPorts.Free();
        var server = await TestServers.StartAsync(target, TestServers.Defaults with { Port = port });
        try
        {
            await using var nats = await TestClients.ConnectAsync(server);
            await using var sub = await nats.SubscribeCoreAsync<string>("before");
            await nats.PingAsync();
            var reopened = WhenReopened(nats);

            await server.DisposeAsync();
            server = await TestServers.StartAsync(target, TestServers.Defaults with { Port = port });
            await reopened.WaitAsync(ReconnectDeadline);

            // Same connection: the re-sent SUB is processed before this PUB.
            await nats.PublishAsync("before", "restored");
            Assert.Equal("restored", (await TestClients.NextAsync(sub)).Data);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // NATS.Net raises its events from a queue, so the first connection's "opened" can arrive after
    // a handler is attached; only an "opened" that follows a "disconnected" is the reconnect.
    private static Task WhenReopened(NatsConnection nats)
    {
        var disconnected = 0;
        var reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nats.ConnectionDisconnected += (_, _) =>
        {
            Volatile.Write(ref disconnected, 1);
            return ValueTask.CompletedTask;
        };
        nats.ConnectionOpened += (_, _) =>
        {
            if (Volatile.Read(ref disconnected) == 1)
            {
                reopened.TrySetResult();
            }

            return ValueTask.CompletedTask;
        };
        return reopened.Task;
    }
}
