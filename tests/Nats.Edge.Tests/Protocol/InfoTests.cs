using System.Text.Json.Nodes;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>The INFO line a client reads first.</summary>
public sealed class InfoTests
{
    [ServerTheory]
    public async Task Info_is_sent_on_accept_as_json_followed_by_space_crlf(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var line = await client.ReadLineAsync();

        Assert.StartsWith("INFO {", line, StringComparison.Ordinal);
        // nats-server puts a space between the JSON and the CR LF.
        Assert.EndsWith("} \r\n", line, StringComparison.Ordinal);
        Assert.IsType<JsonObject>(JsonNode.Parse(line[5..^3]));
    }

    [ServerTheory]
    public async Task Info_names_the_server_with_a_56_character_nkey_id(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        var id = info["server_id"]!.GetValue<string>();
        Assert.Equal(56, id.Length);
        Assert.StartsWith("N", id, StringComparison.Ordinal);
        // Without a configured name the id doubles as the name.
        Assert.Equal(id, info["server_name"]!.GetValue<string>());
    }

    [ServerTheory]
    public async Task Info_carries_version_proto_1_headers_and_the_default_max_payload(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.Matches(@"^\d+\.\d+\.\d+", info["version"]!.GetValue<string>());
        Assert.Equal(1, info["proto"]!.GetValue<int>());
        Assert.True(info["headers"]!.GetValue<bool>());
        Assert.Equal(1048576, info["max_payload"]!.GetValue<long>());
        Assert.NotNull(info["go"]);
    }

    [ServerTheory]
    public async Task Info_carries_the_listen_host_and_port(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.Equal("127.0.0.1", info["host"]!.GetValue<string>());
        Assert.Equal(server.Port, info["port"]!.GetValue<int>());
    }

    [ServerTheory]
    public async Task Info_carries_the_client_id_and_the_client_ip(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.True(info["client_id"]!.GetValue<ulong>() > 0);
        Assert.Equal("127.0.0.1", info["client_ip"]!.GetValue<string>());
    }

    [ServerTheory]
    public async Task Info_gives_each_connection_a_new_higher_client_id(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var first = await RawClient.ConnectAsync(server.Port);
        // Connect the second only after the first has its INFO: nats-server numbers connections on
        // concurrent goroutines, so two simultaneous connects may be numbered either way.
        var firstId = (await first.ReadInfoAsync())["client_id"]!.GetValue<ulong>();
        await using var second = await RawClient.ConnectAsync(server.Port);

        var secondId = (await second.ReadInfoAsync())["client_id"]!.GetValue<ulong>();

        Assert.True(secondId > firstId, $"client_id {secondId} should follow {firstId}");
    }

    [ServerTheory]
    public async Task Info_omits_auth_required_when_no_credentials_are_configured(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.False(info.ContainsKey("auth_required"));
    }

    [ServerTheory]
    public async Task Info_sets_auth_required_when_a_token_is_configured(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { AuthorizationToken = "s3cret" });
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.True(info["auth_required"]!.GetValue<bool>());
    }

    [ServerTheory]
    public async Task Info_reports_the_configured_max_payload(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { MaxPayload = 16 });
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.Equal(16, info["max_payload"]!.GetValue<long>());
    }

    [ServerTheory]
    public async Task Info_carries_the_configured_server_name(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Defaults with { ServerName = "edge-test" });
        await using var client = await RawClient.ConnectAsync(server.Port);

        var info = await client.ReadInfoAsync();

        Assert.Equal("edge-test", info["server_name"]!.GetValue<string>());
        Assert.NotEqual("edge-test", info["server_id"]!.GetValue<string>());
    }
}
