using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>Plain publish/subscribe through the NATS.Net client.</summary>
public sealed class PubSubTests
{
    [ServerTheory]
    public async Task Published_message_reaches_a_subscriber_on_another_connection(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var subscriber = await TestClients.ConnectAsync(server);
        await using var publisher = await TestClients.ConnectAsync(server);
        await using var sub = await subscriber.SubscribeCoreAsync<string>("greet");
        await subscriber.PingAsync();

        await publisher.PublishAsync("greet", "hello");

        var msg = await TestClients.NextAsync(sub);
        Assert.Equal("greet", msg.Subject);
        Assert.Equal("hello", msg.Data);
    }

    [ServerTheory]
    public async Task Messages_from_one_publisher_arrive_in_order(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<int>("seq");
        await nats.PingAsync();

        for (var i = 0; i < 100; i++)
        {
            await nats.PublishAsync("seq", i);
        }

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i, (await TestClients.NextAsync(sub)).Data);
        }
    }

    [ServerTheory]
    public async Task Star_subscription_receives_one_token_subjects_only(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<string>("orders.*");
        await nats.PingAsync();

        await nats.PublishAsync("orders.new.eu", "skipped");
        await nats.PublishAsync("orders.new", "matched");

        var msg = await TestClients.NextAsync(sub);
        Assert.Equal("orders.new", msg.Subject);
        Assert.Equal("matched", msg.Data);
    }

    [ServerTheory]
    public async Task Full_wildcard_subscription_receives_deeper_subjects_but_not_the_parent(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<string>("orders.>");
        await nats.PingAsync();

        await nats.PublishAsync("orders", "skipped");
        await nats.PublishAsync("orders.new.eu", "matched");
        await nats.PingAsync();

        var msg = await TestClients.NextAsync(sub);
        Assert.Equal("orders.new.eu", msg.Subject);
        Assert.Empty(TestClients.Drain(sub));
    }

    [ServerTheory]
    public async Task Headers_published_by_the_client_reach_the_subscriber(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<string>("h");
        await nats.PingAsync();

        await nats.PublishAsync("h", "body", headers: new NatsHeaders { ["Trace-Id"] = "abc", ["Multi"] = new[] { "1", "2" } });

        var msg = await TestClients.NextAsync(sub);
        Assert.Equal("body", msg.Data);
        Assert.Equal("abc", msg.Headers!["Trace-Id"].ToString());
        Assert.Equal(new string?[] { "1", "2" }, msg.Headers["Multi"].ToArray());
    }

    [ServerTheory]
    public async Task Subscription_with_max_msgs_2_ends_after_two_messages(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var sub = await nats.SubscribeCoreAsync<int>("limited", opts: new NatsSubOpts { MaxMsgs = 2 });
        await nats.PingAsync();

        for (var i = 1; i <= 3; i++)
        {
            await nats.PublishAsync("limited", i);
        }

        var received = new List<int>();
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        await foreach (var msg in sub.Msgs.ReadAllAsync(timeout.Token))
        {
            received.Add(msg.Data);
        }

        Assert.Equal([1, 2], received);
    }
}
