using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using NATS.Client.Core;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Embedded;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>A client inside the server's process: no socket, the same delivery as a PUB, the same interest as a SUB.</summary>
public sealed class InProcessClientTests
{
    [Fact]
    public async Task Publish_reaches_a_socket_subscriber_with_its_reply_subject()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        await using var nats = await TestClients.ConnectAsync(server);
        await using var readings = await nats.SubscribeCoreAsync<string>("devices.>");
        await nats.PingAsync();
        var client = new InProcessClient(server.Server);

        var delivered = client.Publish("devices.pi.temp"u8, "answers.here"u8, "21.5"u8);

        var message = await TestClients.NextAsync(readings);
        Assert.True(delivered);
        Assert.Equal(("devices.pi.temp", "answers.here", "21.5"), (message.Subject, message.ReplyTo, message.Data));
    }

    [Fact]
    public async Task Publish_without_any_subscriber_reports_nobody_took_it()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);

        Assert.False(client.Publish("devices.pi.temp"u8, default, "21.5"u8));
    }

    [Fact]
    public async Task Request_from_a_socket_client_is_answered_by_an_in_process_subscription()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);
        using var service = client.Subscribe("devices.pi.relay.set", queue: null, (in InProcessMessage request) =>
        {
            var answer = "got " + Encoding.UTF8.GetString(request.Payload.ToArray());
            client.Publish(request.Reply, default, Encoding.UTF8.GetBytes(answer));
        });
        await using var nats = await TestClients.ConnectAsync(server);

        var reply = await nats.RequestAsync<string, string>("devices.pi.relay.set", "on");

        Assert.Equal("got on", reply.Data);
    }

    [Fact]
    public async Task Handler_that_publishes_to_its_own_client_leaves_the_outer_payload_intact()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);
        var seen = new ConcurrentQueue<string>();
        using var first = client.Subscribe("outer", queue: null, (in InProcessMessage message) =>
        {
            seen.Enqueue("first:" + Encoding.UTF8.GetString(message.Payload.ToArray()));
            client.Publish("inner"u8, default, "overwritten?"u8);
        });
        using var second = client.Subscribe("outer", queue: null, (in InProcessMessage message) =>
            seen.Enqueue("second:" + Encoding.UTF8.GetString(message.Payload.ToArray())));

        client.Publish("outer"u8, default, "original"u8);

        Assert.Equal(["first:original", "second:original"], seen.OrderBy(text => text, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Disposed_subscription_gets_nothing_more()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);
        var count = 0;
        var subscription = client.Subscribe("devices.>", queue: null, (in InProcessMessage _) => Interlocked.Increment(ref count));
        client.Publish("devices.a"u8, default, "1"u8);

        subscription.Dispose();

        Assert.False(client.Publish("devices.a"u8, default, "2"u8));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Queue_group_shares_messages_with_socket_members()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);
        var local = 0;
        using var member = client.Subscribe("jobs", "workers", (in InProcessMessage _) => Interlocked.Increment(ref local));
        await using var nats = await TestClients.ConnectAsync(server);
        await using var socketMember = await nats.SubscribeCoreAsync<string>("jobs", queueGroup: "workers");
        await nats.PingAsync();

        for (var i = 0; i < 100; i++)
        {
            client.Publish("jobs"u8, default, "x"u8);
        }

        await nats.PingAsync();
        Assert.Equal(100, local + TestClients.Drain(socketMember).Count);
        Assert.InRange(local, 1, 99);
    }

    [Fact]
    public async Task Publish_into_a_named_account_stays_in_that_account()
    {
        var options = TestServers.Defaults with
        {
            Users = [new UserOptions { Username = "board", Password = "b", Account = "DEVICES" }, new UserOptions { Username = "other", Password = "o" }],
            Accounts = [new AccountOptions { Name = "DEVICES" }],
        };
        await using var server = await EdgeServer.StartAsync(options);
        await using var board = await TestClients.ConnectAsync(server, new NatsAuthOpts { Username = "board", Password = "b" });
        await using var other = await TestClients.ConnectAsync(server, new NatsAuthOpts { Username = "other", Password = "o" });
        await using var inAccount = await board.SubscribeCoreAsync<string>("devices.>");
        await using var outside = await other.SubscribeCoreAsync<string>("devices.>");
        await board.PingAsync();
        await other.PingAsync();
        var client = new InProcessClient(server.Server, "DEVICES");

        client.Publish("devices.pi.temp"u8, default, "21.5"u8);

        Assert.Equal("21.5", (await TestClients.NextAsync(inAccount)).Data);
        await other.PingAsync();
        Assert.Empty(TestClients.Drain(outside));
    }

    [Theory]
    [InlineData("devices.*")]
    [InlineData("devices..temp")]
    [InlineData("")]
    public async Task Publish_on_an_invalid_subject_is_refused(string subject)
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults);
        var client = new InProcessClient(server.Server);

        Assert.Throws<ArgumentException>(() => client.Publish(Encoding.UTF8.GetBytes(subject), default, "1"u8));
    }

    [Fact]
    public async Task Publish_larger_than_max_payload_is_refused()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults with { MaxPayload = 8 });
        var client = new InProcessClient(server.Server);

        Assert.Throws<ArgumentException>(() => client.Publish("devices.a"u8, default, "123456789"u8));
    }

    [Fact]
    public async Task In_process_subscription_draws_messages_from_a_nats_server_hub_through_a_leafnode()
    {
        await using var pair = await LeafPair.StartAsync(LeafTopology.EdgeLeafToReferenceHub);
        var client = new InProcessClient(((EdgeServer)pair.Leaf).Server);
        var received = new ConcurrentQueue<string>();
        using var commands = client.Subscribe("commands.pi.>", queue: null, (in InProcessMessage message) =>
            received.Enqueue(Encoding.UTF8.GetString(message.Subject) + "=" + Encoding.UTF8.GetString(message.Payload.ToArray())));
        await using var hub = await pair.ConnectHubAsync();

        await Poll.UntilAsync(async () =>
        {
            await hub.PublishAsync("commands.pi.led", "on");
            return received.Contains("commands.pi.led=on");
        });
    }
}
