using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>One JSON file with nats-server's key names configures either server the same way.</summary>
public sealed class SharedConfigFileTests
{
    [ServerTheory]
    public async Task The_same_json_file_sets_port_payload_limit_and_name_on_both_servers(ServerTarget target)
    {
        var port = TestPorts.Free();
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-shared-").FullName, "server.json");
        await File.WriteAllTextAsync(path, $$"""
            { "host": "127.0.0.1", "port": {{port}}, "max_payload": 4096, "server_name": "shared-config" }
            """);

        await using var server = await StartAsync(target, path);
        await using var client = await RawClient.ConnectAsync(port);
        var info = await client.ReadInfoAsync();

        Assert.Equal(4096, info["max_payload"]!.GetValue<int>());
        Assert.Equal("shared-config", info["server_name"]!.GetValue<string>());
        Assert.Equal(port, info["port"]!.GetValue<int>());
    }

    private static async Task<IAsyncDisposable> StartAsync(ServerTarget target, string configPath) => target switch
    {
        ServerTarget.Edge => await EdgeProcess.StartReadyAsync("-c", configPath),
        _ => await ReferenceServer.StartWithConfigFileAsync(configPath),
    };

}
