using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>CONNECT and the defaults before it.</summary>
public sealed class ConnectTests
{
    [ServerTheory]
    public async Task Connect_with_verbose_is_answered_with_ok(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":true}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_without_verbose_field_defaults_to_verbose(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_verbose_false_is_not_answered(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false}\r\nSUB foo 1\r\nPING\r\n");

        await client.ExpectAsync("PONG\r\n");
    }

    [ServerTheory]
    public async Task Sub_before_any_connect_is_answered_with_ok_because_verbose_is_the_default(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("SUB foo 1\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Pub_before_any_connect_is_delivered_and_answered_with_ok(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("SUB foo 1\r\nPUB foo 2\r\nhi\r\n");

        await client.ExpectAsync("+OK\r\n+OK\r\nMSG foo 1 2\r\nhi\r\n");
    }

    [ServerTheory]
    public async Task Connect_sent_twice_rereads_the_options(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false}");

        await client.SendAsync("CONNECT {\"verbose\":true}\r\nSUB foo 1\r\n");

        await client.ExpectAsync("+OK\r\n+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_protocol_2_fails_with_invalid_client_protocol_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"protocol\":2}\r\n");

        await client.ExpectAsync("-ERR 'invalid client protocol'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_with_protocol_1_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"protocol\":1}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_no_responders_but_no_headers_fails_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false,\"no_responders\":true}\r\n");

        await client.ExpectAsync("-ERR 'no responders requires headers support'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_with_invalid_json_closes_without_error(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {bad\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_with_unknown_fields_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":true,\"no_such_field\":[1,{\"x\":2}]}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_directly_followed_by_the_json_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT{\"verbose\":true}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_the_legacy_account_field_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false,\"account\":\"x\"}\r\n");

        await client.ExpectAsync("-ERR 'Authorization Violation'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_with_a_negative_protocol_fails_with_invalid_client_protocol_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"protocol\":-1}\r\n");

        await client.ExpectAsync("-ERR 'invalid client protocol'\r\n");
        await client.AssertClosedAsync();
    }
}
