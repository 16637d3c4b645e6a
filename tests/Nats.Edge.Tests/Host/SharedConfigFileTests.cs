using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>One JSON file with nats-server's key names configures either server the same way.</summary>
public sealed class SharedConfigFileTests
{
    [ServerTheory]
    public async Task The_same_json_file_sets_port_payload_limit_and_name_on_both_servers(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""
            { "host": "127.0.0.1", "port": {{port}}, "max_payload": 4096, "server_name": "shared-config" }
            """);

        await using var server = await IServerProcess.StartAsync(target, path);
        await using var client = await RawClient.ConnectAsync(port);
        var info = await client.ReadInfoAsync();

        Assert.Equal(4096, info["max_payload"]!.GetValue<int>());
        Assert.Equal("shared-config", info["server_name"]!.GetValue<string>());
        Assert.Equal(port, info["port"]!.GetValue<int>());
    }

    [ServerTheory]
    public async Task The_same_nats_server_conf_file_starts_both_servers_with_its_limit_and_user(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("nats-server.conf", $$"""
            # Client listener, loopback only
            listen: 127.0.0.1:{{port}}
            server_name: "shared-conf"

            max_payload: 1MB   // 1048576; 1M would be 1000000

            authorization {
              user: alice
              password: "s3cret"
            }
            """);

        await using var server = await IServerProcess.StartAsync(target, path);
        await using var alice = await RawClient.ConnectAsync(port);
        var info = await alice.ReadInfoAsync();
        await alice.SendAsync("CONNECT {\"verbose\":false,\"user\":\"alice\",\"pass\":\"s3cret\"}\r\nPING\r\n");
        await alice.ExpectAsync("PONG\r\n");
        await using var stranger = await RawClient.ConnectAsync(port);
        await stranger.ReadInfoAsync();

        Assert.Equal(1048576, info["max_payload"]!.GetValue<int>());
        Assert.Equal("shared-conf", info["server_name"]!.GetValue<string>());
        Assert.True(info["auth_required"]!.GetValue<bool>());
        Assert.StartsWith("-ERR 'Authorization Violation'", await stranger.ExchangeAsync("CONNECT {\"verbose\":false}\r\n"), StringComparison.Ordinal);
    }
}
