using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>max_subscriptions per connection; the connection stays open.</summary>
public sealed class MaxSubscriptionsTests
{
    [ServerTheory]
    public async Task Sub_over_max_subscriptions_fails_with_maximum_subscriptions_exceeded_and_stays_open(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxSubscriptions = 2 });
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB a 1\r\nSUB b 2\r\nSUB c 3\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'maximum subscriptions exceeded'\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_rejected_for_max_subscriptions_receives_nothing(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxSubscriptions = 1 });
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        await client.SendAsync("SUB a 1\r\nSUB b 2\r\n");
        await client.ExpectAsync("-ERR 'maximum subscriptions exceeded'\r\n");

        await client.SendAsync("PUB b 1\r\nx\r\nPUB a 1\r\ny\r\n");

        await client.ExpectAsync("MSG a 1 1\r\ny\r\n");
    }

    [ServerTheory]
    public async Task Unsub_makes_room_under_max_subscriptions(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxSubscriptions = 1 });
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB a 1\r\nUNSUB 1\r\nSUB b 2\r\nPUB b 1\r\nx\r\n");

        await client.ExpectAsync("MSG b 2 1\r\nx\r\n");
    }
}
