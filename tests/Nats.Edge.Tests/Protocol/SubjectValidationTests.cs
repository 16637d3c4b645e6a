using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Invalid subjects on SUB and (pedantic) PUB keep the connection.</summary>
public sealed class SubjectValidationTests
{
    private const string InvalidSubject = "-ERR 'Invalid Subject'\r\n";

    [ServerTheory]
    public async Task Sub_with_an_empty_token_fails_with_invalid_subject_and_stays_open(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo..bar 1\r\nPING\r\n");

        await client.ExpectAsync(InvalidSubject + "PONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_with_a_leading_dot_fails_with_invalid_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB .foo 1\r\nPING\r\n");

        await client.ExpectAsync(InvalidSubject + "PONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_with_a_trailing_dot_fails_with_invalid_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo. 1\r\nPING\r\n");

        await client.ExpectAsync(InvalidSubject + "PONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_with_a_token_after_the_full_wildcard_fails_with_invalid_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.>.bar 1\r\nPING\r\n");

        await client.ExpectAsync(InvalidSubject + "PONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_rejected_as_invalid_subject_does_not_take_its_sid(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);
        await client.SendAsync("SUB foo..bar 1\r\n");
        await client.ExpectAsync(InvalidSubject);

        await client.SendAsync("SUB foo 1\r\nPUB foo 1\r\na\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\na\r\n");
    }

    [ServerTheory]
    public async Task Pedantic_pub_to_a_wildcard_subject_fails_with_invalid_publish_subject_and_is_still_delivered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"pedantic\":true}");

        await client.SendAsync("SUB foo.* 1\r\nPUB foo.* 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Invalid Publish Subject'\r\nMSG foo.* 1 2\r\nhi\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Pedantic_pub_to_a_literal_subject_gets_no_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"pedantic\":true}");

        await client.SendAsync("SUB foo.bar 1\r\nPUB foo.bar 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("MSG foo.bar 1 2\r\nhi\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Pub_to_an_invalid_subject_without_pedantic_gets_no_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("PUB foo..bar 2\r\nhi\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Connect_without_a_pedantic_field_is_pedantic(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false}");

        await client.SendAsync("SUB foo.* 1\r\nPUB foo.* 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("-ERR 'Invalid Publish Subject'\r\nMSG foo.* 1 1\r\na\r\nPONG\r\n");
    }
}
