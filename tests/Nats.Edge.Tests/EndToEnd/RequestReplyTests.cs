using Nats.Edge.Tests.Infrastructure;
using NATS.Client.Core;

namespace Nats.Edge.Tests.EndToEnd;

/// <summary>Request-reply and no-responders through the NATS.Net client.</summary>
public sealed class RequestReplyTests
{
    [ServerTheory]
    public async Task Request_gets_the_responder_s_reply(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var responder = await TestClients.ConnectAsync(server);
        await using var requester = await TestClients.ConnectAsync(server);
        await using var service = await responder.SubscribeCoreAsync<string>("echo");
        await responder.PingAsync();
        var serving = ServeOnceAsync(service, msg => msg.ReplyAsync("re: " + msg.Data));

        var reply = await requester.RequestAsync<string, string>("echo", "hi");

        Assert.Equal("re: hi", reply.Data);
        await serving;
    }

    [ServerTheory]
    public async Task Request_headers_reach_the_responder_and_reply_headers_reach_the_requester(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var responder = await TestClients.ConnectAsync(server);
        await using var requester = await TestClients.ConnectAsync(server);
        await using var service = await responder.SubscribeCoreAsync<string>("headers");
        await responder.PingAsync();
        var serving = ServeOnceAsync(service, msg => msg.ReplyAsync(
            "ok",
            headers: new NatsHeaders { ["Echoed"] = msg.Headers!["Asked"].ToString() + "!" }));

        var reply = await requester.RequestAsync<string, string>("headers", "q", headers: new NatsHeaders { ["Asked"] = "why" });

        Assert.Equal("ok", reply.Data);
        Assert.Equal("why!", reply.Headers!["Echoed"].ToString());
        await serving;
    }

    [ServerTheory]
    public async Task Request_with_no_responder_fails_fast_with_no_responders(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var requester = await TestClients.ConnectAsync(server);

        await Assert.ThrowsAsync<NatsNoRespondersException>(
            async () => await requester.RequestAsync<string, string>("nobody.home", "hello?"));
    }

    private static async Task ServeOnceAsync(INatsSub<string> service, Func<NatsMsg<string>, ValueTask> reply)
    {
        var request = await TestClients.NextAsync(service);
        await reply(request);
    }
}
