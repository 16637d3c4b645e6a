using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// Bad op names and bad framing: <c>-ERR 'Unknown Protocol Operation'</c> then close.
/// </summary>
public sealed class UnknownOperationTests
{
    private const string UnknownOperation = "-ERR 'Unknown Protocol Operation'\r\n";

    [ServerTheory]
    public async Task Unknown_op_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("FOO\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Msg_from_a_client_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("MSG foo 1 2\r\nhi\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Hmsg_from_a_client_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("HMSG foo 1 12 14\r\nNATS/1.0\r\n\r\nhi\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Route_subscription_from_a_client_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("RS+ $G foo\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Leaf_message_from_a_client_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("LMSG foo 2\r\nhi\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_without_a_space_after_the_op_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUBX foo 2\r\nhi\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_payload_longer_than_announced_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 2\r\nhello\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_payload_shorter_than_announced_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        // The CR LF after "hi" is read as payload, so the bytes after the payload are "PI".
        await client.SendAsync("PUB foo 4\r\nhi\r\nPING\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_payload_not_followed_by_crlf_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo 2\r\nhiXY");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_payload_followed_by_a_bare_lf_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        // The LF is the only byte after the payload: refused at once, not held for a second byte.
        await client.SendAsync("SUB foo 1\r\nPUB foo 2\r\nhi\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Pub_with_payload_followed_by_cr_alone_waits_for_the_lf(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 2\r\nhi\r");
        await client.SendAsync("\nPING\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Unknown_op_before_connect_closes_with_unknown_protocol_operation(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("HELLO\r\n");

        await client.ExpectAsync(UnknownOperation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Messages_before_the_bad_op_are_still_delivered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB foo 2\r\nhi\r\nFOO\r\n");

        await client.ExpectAsync("MSG foo 1 2\r\nhi\r\n" + UnknownOperation);
        await client.AssertClosedAsync();
    }
}
