using System.Diagnostics;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>Token and user/password checks at CONNECT.</summary>
public sealed class AuthTests
{
    private const string AuthorizationViolation = "-ERR 'Authorization Violation'\r\n";

    // Tests not about the timer keep the default 2 s, so a loaded machine cannot turn them into timeouts.
    private static ServerOptions TokenOptions => TestServers.Defaults with { AuthorizationToken = "s3cret" };

    private static ServerOptions UserOptions => TestServers.Defaults with { Username = "alice", Password = "wonder" };

    [ServerTheory]
    public async Task Connect_with_the_right_token_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TokenOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"auth_token\":\"s3cret\"}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_a_wrong_token_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TokenOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"auth_token\":\"wrong\"}\r\n");

        await client.ExpectAsync(AuthorizationViolation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Connect_without_a_token_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TokenOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false}\r\n");

        await client.ExpectAsync(AuthorizationViolation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Ping_as_first_op_when_auth_is_required_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TokenOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("PING\r\n");

        await client.ExpectAsync(AuthorizationViolation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Sub_as_first_op_when_auth_is_required_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TokenOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("SUB foo 1\r\n");

        await client.ExpectAsync(AuthorizationViolation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task No_connect_within_the_auth_timeout_fails_with_authentication_timeout_and_closes(ServerTarget target)
    {
        // Short so the test stays fast; nats-server reads fractional seconds.
        var timeout = TimeSpan.FromMilliseconds(500);
        await using var server = await TestServers.StartAsync(target, TokenOptions with { AuthTimeout = timeout });
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();
        var waited = Stopwatch.StartNew();

        await client.ExpectAsync("-ERR 'Authentication Timeout'\r\n");

        await client.AssertClosedAsync();
        Assert.True(waited.Elapsed >= timeout / 2, $"closed after {waited.Elapsed}, too early for a {timeout} timeout");
    }

    [ServerTheory]
    public async Task Connect_with_the_right_user_and_password_is_accepted(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, UserOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"user\":\"alice\",\"pass\":\"wonder\"}\r\n");

        await client.ExpectAsync("+OK\r\n");
    }

    [ServerTheory]
    public async Task Connect_with_a_wrong_password_fails_with_authorization_violation_and_closes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, UserOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"user\":\"alice\",\"pass\":\"nope\"}\r\n");

        await client.ExpectAsync(AuthorizationViolation);
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Info_sets_auth_required_when_a_user_is_configured(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, UserOptions);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.True(info["auth_required"]!.GetValue<bool>());
    }

    [ServerTheory]
    public async Task Authenticated_connection_is_not_closed_by_the_auth_timeout(ServerTarget target)
    {
        var timeout = TimeSpan.FromSeconds(1);
        await using var server = await TestServers.StartAsync(target, TokenOptions with { AuthTimeout = timeout });
        await using var client = await RawClient.OpenSessionAsync(server.Port, "{\"verbose\":false,\"auth_token\":\"s3cret\"}");

        // Past the auth timeout with no traffic, CONNECT must have stopped the timer: the connection is
        // open and nothing but the server's own PING (due 2 s after accept; a slow start reaches it) came.
        await Task.Delay(timeout * 1.2);

        var transcript = await client.ExchangeAsync(string.Empty);
        Assert.Equal(string.Empty, transcript.Replace("PING\r\n", string.Empty, StringComparison.Ordinal));
    }
}
