using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>The 503 status a requester gets when nobody listens.</summary>
public sealed class NoRespondersTests
{
    private const string NoRespondersConnect = "{\"verbose\":false,\"headers\":true,\"no_responders\":true}";

    [ServerTheory]
    public async Task Request_with_no_subscriber_gets_an_empty_hmsg_with_status_503_on_the_reply_sid(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, NoRespondersConnect);

        await client.SendAsync("SUB _INBOX.x 9\r\nPUB svc _INBOX.x 2\r\nhi\r\n");

        // nats-server 2.9 sends the bare status line; 2.12 adds a Nats-Subject header.
        await client.ExpectAsync("HMSG _INBOX.x 9 16 16\r\nNATS/1.0 503\r\n\r\n\r\n");
    }

    [ServerTheory]
    public async Task Request_answered_by_a_wildcard_inbox_subscription_gets_the_status_on_that_sid(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, NoRespondersConnect);

        await client.SendAsync("SUB _INBOX.abc.* 3\r\nPUB svc _INBOX.abc.1 0\r\n\r\n");

        await client.ExpectAsync("HMSG _INBOX.abc.1 3 16 16\r\nNATS/1.0 503\r\n\r\n\r\n");
    }

    [ServerTheory]
    public async Task Request_with_a_subscriber_gets_no_status(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, NoRespondersConnect);

        await client.SendAsync("SUB _INBOX.x 9\r\nSUB svc 1\r\nPUB svc _INBOX.x 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("MSG svc 1 _INBOX.x 2\r\nhi\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Request_from_a_connection_without_no_responders_gets_no_status(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"headers\":true}");

        await client.SendAsync("SUB _INBOX.x 9\r\nPUB svc _INBOX.x 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Pub_without_reply_subject_gets_no_status(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, NoRespondersConnect);

        await client.SendAsync("SUB _INBOX.x 9\r\nPUB svc 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }
}
