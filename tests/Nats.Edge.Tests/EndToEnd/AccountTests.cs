using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;
using Nats.Edge.Tests.Security;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>Accounts seen by NATS.Net clients: separate subject spaces, joined only by imports.</summary>
public sealed class AccountTests
{
    [ServerTheory]
    public async Task Account_without_imports_sees_nothing_of_another_account(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);
        await using var orders = await ConnectAsync(server, "orders", "o");
        await using var nobody = await ConnectAsync(server, "nobody", "n");
        await using var everything = await nobody.SubscribeCoreAsync<string>(">");
        await using var own = await orders.SubscribeCoreAsync<string>("orders.>");
        await nobody.PingAsync();
        await orders.PingAsync();

        await orders.PublishAsync("orders.new", "apple");

        Assert.Equal("apple", (await TestClients.NextAsync(own)).Data);
        await nobody.PingAsync();
        Assert.Empty(TestClients.Drain(everything));
    }

    [ServerTheory]
    public async Task Stream_import_delivers_under_its_prefix(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);
        await using var orders = await ConnectAsync(server, "orders", "o");
        await using var shop = await ConnectAsync(server, "shop", "s");
        await using var imported = await shop.SubscribeCoreAsync<string>("from.orders.>");
        await shop.PingAsync();

        await orders.PublishAsync("orders.new", "pear");

        var message = await TestClients.NextAsync(imported);
        Assert.Equal(("from.orders.new", "pear"), (message.Subject, message.Data));
    }

    [ServerTheory]
    public async Task Service_import_answers_a_request_from_the_other_account(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, SecurityConfig.Body);
        await using var orders = await ConnectAsync(server, "orders", "o");
        await using var shop = await ConnectAsync(server, "shop", "s");
        await using var stock = await orders.SubscribeCoreAsync<string>("stock.*");
        await orders.PingAsync();
        var responder = Task.Run(async () =>
        {
            var request = await TestClients.NextAsync(stock);
            await request.ReplyAsync($"{request.Subject}=12");
        });

        var reply = await shop.RequestAsync<string, string>("inventory.apple", "how many?");

        Assert.Equal("stock.apple=12", reply.Data);
        await responder;
    }

    private static Task<NatsConnection> ConnectAsync(IRunningServer server, string user, string password) =>
        TestClients.ConnectAsync(server, new NatsAuthOpts { Username = user, Password = password });
}
