using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Which subjects a wildcard subscription receives.</summary>
public sealed class WildcardTests
{
    [ServerTheory]
    public async Task Star_matches_one_token_and_msg_carries_the_published_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.* 1\r\nPUB foo.bar 1\r\na\r\n");

        await client.ExpectAsync("MSG foo.bar 1 1\r\na\r\n");
    }

    [ServerTheory]
    public async Task Star_does_not_match_two_tokens(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.* 1\r\nPUB foo.bar.baz 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Star_does_not_match_the_parent_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.* 1\r\nPUB foo 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Star_in_the_middle_matches_any_single_token_there(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB a.*.c 1\r\nPUB a.b.c 1\r\n1\r\nPUB a.b.x 1\r\n2\r\nPUB a.x.c 1\r\n3\r\nPING\r\n");

        await client.ExpectAsync("MSG a.b.c 1 1\r\n1\r\nMSG a.x.c 1 1\r\n3\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Full_wildcard_matches_one_or_more_tokens(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.> 1\r\nPUB foo.a 1\r\n1\r\nPUB foo.a.b.c 1\r\n2\r\n");

        await client.ExpectAsync("MSG foo.a 1 1\r\n1\r\nMSG foo.a.b.c 1 1\r\n2\r\n");
    }

    [ServerTheory]
    public async Task Full_wildcard_does_not_match_the_parent_subject(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo.> 1\r\nPUB foo 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Lone_full_wildcard_matches_everything(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB > 1\r\nPUB a 1\r\n1\r\nPUB a.b.c 1\r\n2\r\n");

        await client.ExpectAsync("MSG a 1 1\r\n1\r\nMSG a.b.c 1 1\r\n2\r\n");
    }

    [ServerTheory]
    public async Task Tokens_only_containing_wildcard_characters_are_literals(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo* 1\r\nPUB foox 1\r\n1\r\nPUB foo* 1\r\n2\r\nPING\r\n");

        await client.ExpectAsync("MSG foo* 1 1\r\n2\r\nPONG\r\n");
    }

    [ServerTheory]
    public async Task Subjects_are_case_sensitive(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        await client.SendAsync("SUB foo 1\r\nPUB FOO 1\r\n1\r\nPUB foo 1\r\n2\r\n");

        await client.ExpectAsync("MSG foo 1 1\r\n2\r\n");
    }

    [ServerTheory]
    public async Task Pub_to_a_wildcard_subject_without_pedantic_reaches_matching_subscriptions(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        // Without pedantic the subject is matched token by token: "*" equals the "*" token.
        await client.SendAsync("SUB foo.* 1\r\nPUB foo.* 1\r\na\r\nPING\r\n");

        await client.ExpectAsync("MSG foo.* 1 1\r\na\r\nPONG\r\n");
    }
}
