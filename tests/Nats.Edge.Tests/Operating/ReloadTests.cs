using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>
/// SIGHUP reads the config file again; both servers are run on the same JSON file and signalled the
/// same way, so each test shows nats-edge doing what nats-server does.
/// </summary>
public sealed class ReloadTests
{
    private const string Login = """{"verbose":false,"user":"pi","pass":"old-secret"}""";

    [ServerTheory]
    public async Task Changed_password_closes_open_connections_and_refuses_the_old_one(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", Users(port, "old-secret"));
        await using var server = await IServerProcess.StartAsync(target, path);
        await using var open = await RawClient.OpenSessionAsync(server.Port, Login);

        folder.Write("server.json", Users(port, "new-secret"));
        server.Signal(Posix.SigHup);

        Assert.Contains("-ERR 'Authorization Violation'\r\n", await open.ReadUntilAsync("-ERR 'Authorization Violation'\r\n"), StringComparison.Ordinal);
        await open.AssertClosedAsync();
        await server.WaitForLogAsync("Reloaded server configuration");
        await AssertRefusedAsync(server.Port, Login);
        await using var renewed = await RawClient.OpenSessionAsync(server.Port, Login.Replace("old-secret", "new-secret", StringComparison.Ordinal));
    }

    [ServerTheory]
    public async Task Narrowed_permissions_remove_forbidden_subscriptions_and_keep_the_connection(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", Users(port, "old-secret", """["sensors.>", "commands.>"]"""));
        await using var server = await IServerProcess.StartAsync(target, path);
        await using var client = await RawClient.OpenSessionAsync(server.Port, Login);
        await client.SendAsync("SUB sensors.> 1\r\nSUB commands.> 2\r\nPING\r\n");
        await client.ReadUntilAsync("PONG\r\n");

        folder.Write("server.json", Users(port, "old-secret", """["sensors.>"]"""));
        server.Signal(Posix.SigHup);

        await client.ReadUntilAsync("-ERR 'Permissions Violation for Subscription to \"commands.>\" (sid \"2\")'\r\n");
        await server.WaitForLogAsync("Removed sub \"commands.>\" (sid \"2\") for User \"pi\" - not authorized");
        await client.SendAsync("PUB sensors.t 2\r\nhi\r\nPUB commands.x 2\r\nno\r\nPING\r\n");
        var delivered = await client.ReadUntilAsync("PONG\r\n");
        Assert.Contains("MSG sensors.t 1 2\r\nhi\r\n", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("commands.x", delivered, StringComparison.Ordinal);
    }

    [ServerTheory]
    public async Task Lowered_max_payload_applies_to_connections_already_open(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", "max_payload": 1024 }""");
        await using var server = await IServerProcess.StartAsync(target, path);
        await using var client = await RawClient.OpenSessionAsync(server.Port);

        folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", "max_payload": 16 }""");
        server.Signal(Posix.SigHup);
        await server.WaitForLogAsync("Reloaded: max_payload = 16");

        await client.SendAsync($"PUB big 17\r\n{new string('x', 17)}\r\n");
        await client.ReadUntilAsync("-ERR 'Maximum Payload Violation'\r\n");
        await client.AssertClosedAsync();
    }

    // nohup starts the server with SIGHUP ignored; nats-server (Go) takes the signal back when it asks
    // for it, and so must nats-edge, or `nohup nats-edge -c … &` could never be reloaded.
    [Fact]
    public async Task Started_under_nohup_it_still_reloads_on_sighup()
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", "max_payload": 1024 }""");
        await using var server = await EdgeProcess.StartExecutableReadyAsync(
            "nohup", ["dotnet", Path.Combine(AppContext.BaseDirectory, "nats-edge.dll"), "-c", path], null, TestTimeouts.Startup);

        folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", "max_payload": 16 }""");
        server.Signal(Posix.SigHup);

        await server.WaitForLogAsync("Reloaded: max_payload = 16");
    }

    [ServerTheory]
    public async Task A_changed_port_is_refused_and_the_server_keeps_running(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}" }""");
        await using var server = await IServerProcess.StartAsync(target, path);
        var other = TestPorts.Free();

        folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{other}}" }""");
        server.Signal(Posix.SigHup);

        await server.WaitForLogAsync(
            $"[ERR] Failed to reload server configuration: config reload not supported for Port: old={server.Port}, new={other}");
        await using var client = await RawClient.OpenSessionAsync(server.Port);
    }

    // nats-server shows the old and new blocks as Go structs; nats-edge shows no block, as it may hold a
    // password. Both refuse the same change with the same words before them.
    [ServerTheory]
    public async Task A_changed_gateway_block_is_refused_and_the_server_keeps_running(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var gatewayPort = TestPorts.Free();
        var path = folder.Write("server.json", Gateway(port, gatewayPort, connectRetries: 0));
        await using var server = await IServerProcess.StartAsync(target, path);

        folder.Write("server.json", Gateway(port, gatewayPort, connectRetries: 3));
        server.Signal(Posix.SigHup);

        await server.WaitForLogAsync("[ERR] Failed to reload server configuration: config reload not supported for Gateway: old=");
        await using var client = await RawClient.OpenSessionAsync(server.Port);
    }

    [ServerTheory]
    public async Task A_bad_new_config_is_refused_and_the_old_one_keeps_working(ServerTarget target)
    {
        using var folder = new TempConfigFolder();
        var port = TestPorts.Free();
        var path = folder.Write("server.json", Users(port, "old-secret"));
        await using var server = await IServerProcess.StartAsync(target, path);

        folder.Write("server.json", $$"""{ "listen": "127.0.0.1:{{port}}", "colour": "blue" }""");
        server.Signal(Posix.SigHup);

        await server.WaitForLogAsync("[ERR] Failed to reload server configuration: ");
        await using var client = await RawClient.OpenSessionAsync(server.Port, Login);
        await AssertRefusedAsync(server.Port, """{"verbose":false}""");
    }

    private static string Gateway(int port, int gatewayPort, int connectRetries) => $$"""
        { "listen": "127.0.0.1:{{port}}",
          "gateway": { "name": "EAST", "listen": "127.0.0.1:{{gatewayPort}}", "connect_retries": {{connectRetries}} } }
        """;

    private static string Users(int port, string password, string subscribe = "\">\"") => $$"""
        {
          "listen": "127.0.0.1:{{port}}",
          "authorization": {
            "users": [ { "user": "pi", "password": "{{password}}", "permissions": { "subscribe": {{subscribe}} } } ]
          }
        }
        """;

    private static async Task AssertRefusedAsync(int port, string connectJson)
    {
        await using var client = await RawClient.ConnectAsync(port);
        await client.ReadInfoAsync();
        await client.SendAsync($"CONNECT {connectJson}\r\nPING\r\n");
        await client.ExpectAsync("-ERR 'Authorization Violation'\r\n");
        await client.AssertClosedAsync();
    }

}
