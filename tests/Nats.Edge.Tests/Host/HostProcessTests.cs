using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>The nats-edge executable as a user (or a test harness written for nats-server) meets it.</summary>
public sealed partial class HostProcessTests
{
    private const int SigTerm = 15;
    private const int SigInt = 2;

    [Fact]
    public async Task Version_prints_one_line_and_exits_zero()
    {
        await using var edge = EdgeProcess.Start("-v");

        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.Equal("nats-edge: v0.1.0", edge.Output.Trim());
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_zero()
    {
        await using var edge = EdgeProcess.Start("--help");

        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.Contains("Usage: nats-edge [options]", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_flag_names_it_and_exits_one()
    {
        await using var edge = EdgeProcess.Start("--colour", "blue");

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("flag provided but not defined: -colour", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitoring_flag_starts_the_http_monitor_and_logs_where()
    {
        await using var edge = await EdgeProcess.StartReadyAsync("-a", "127.0.0.1", "-p", "-1", "-m", "-1");

        var port = int.Parse(MonitorLine().Match(edge.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TestTimeouts.Reply };
        Assert.Equal("{\"status\":\"ok\"}", await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz")));
    }

    [Fact]
    public async Task Bad_config_file_exits_one_without_starting()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-host-").FullName, "bad.json");
        await File.WriteAllTextAsync(path, """{ "port": 4222, "colour": "blue" }""");
        await using var edge = EdgeProcess.Start("-c", path);

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("unknown configuration key 'colour'", edge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Server is ready", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nats_edge_variables_configure_the_server_without_a_config_file()
    {
        var port = TestPorts.Free();
        await using var edge = await EdgeProcess.StartReadyAsync(new Dictionary<string, string>
        {
            ["NATS_EDGE_HOST"] = "127.0.0.1",
            ["NATS_EDGE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NATS_EDGE_MAX_PAYLOAD"] = "2MB",
            ["nats_edge_server_name"] = "from-environment",
            ["NATS_EDGE_AUTHORIZATION__TOKEN"] = "t0k3n",
        });
        await using var client = await RawClient.ConnectAsync(port);

        var info = await client.ReadInfoAsync();

        Assert.Equal(2 * 1024 * 1024, info["max_payload"]!.GetValue<int>());
        Assert.Equal("from-environment", info["server_name"]!.GetValue<string>());
        Assert.True(info["auth_required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_stray_nats_edge_variable_is_logged_as_a_warning_and_the_server_starts()
    {
        await using var edge = await EdgeProcess.StartReadyAsync(
            new Dictionary<string, string> { ["NATS_EDGE_APT_UPDATED"] = "1" }, "-a", "127.0.0.1", "-p", "-1");
        await using var client = await RawClient.OpenSessionAsync(edge.Port);

        await client.SendAsync("PING\r\n");

        await client.ExpectAsync("PONG\r\n");
        Assert.Contains(
            "[WRN] environment variable NATS_EDGE_APT_UPDATED: unknown configuration key 'apt_updated', ignored",
            edge.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_override_nats_edge_variables()
    {
        await using var edge = await EdgeProcess.StartReadyAsync(
            new Dictionary<string, string> { ["NATS_EDGE_SERVER_NAME"] = "from-environment", ["NATS_EDGE_PORT"] = "1" },
            "-a", "127.0.0.1", "-p", "-1", "-n", "from-flag");
        await using var client = await RawClient.ConnectAsync(edge.Port);

        Assert.Equal("from-flag", (await client.ReadInfoAsync())["server_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Starts_logs_in_nats_server_format_and_serves_clients()
    {
        await using var edge = await EdgeProcess.StartReadyAsync("-a", "127.0.0.1", "-p", "-1", "-n", "pi-kitchen");

        Assert.Matches(LogLine(), edge.Output.Split('\n')[0]);
        Assert.Contains($"[INF] Listening for client connections on 127.0.0.1:{edge.Port}", edge.Output, StringComparison.Ordinal);
        await using var client = await RawClient.OpenSessionAsync(edge.Port);
        await client.SendAsync("SUB greet 1\r\nPUB greet 2\r\nhi\r\n");
        await client.ExpectAsync("MSG greet 1 2\r\nhi\r\n");
    }

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task Stop_signal_closes_clients_and_exits_zero(int signal)
    {
        await using var edge = await EdgeProcess.StartReadyAsync("-a", "127.0.0.1", "-p", "-1");
        await using var client = await RawClient.OpenSessionAsync(edge.Port);

        edge.Signal(signal);

        Assert.Equal(0, await edge.WaitForExitAsync());
        await client.AssertClosedAsync();
        Assert.Contains("Server Exiting", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_flag_sends_the_log_to_a_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-log-").FullName, "edge.log");
        await using var edge = EdgeProcess.Start("-a", "127.0.0.1", "-p", "-1", "-l", path, "-D");

        await Poll.UntilAsync(() => File.Exists(path) && File.ReadAllText(path).Contains("Server is ready", StringComparison.Ordinal));
        edge.Signal(SigTerm);

        Assert.Equal(0, await edge.WaitForExitAsync());
        var log = await File.ReadAllTextAsync(path);
        Assert.Contains("[INF] Listening for client connections on 127.0.0.1:", log, StringComparison.Ordinal);
        Assert.Contains("[DBG] Trapped \"terminated\" signal", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Server is ready", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_tls_certificate_is_a_fatal_error_and_exits_one()
    {
        var folder = Directory.CreateTempSubdirectory("nats-edge-tls-config-").FullName;
        var path = Path.Combine(folder, "tls.json");
        await File.WriteAllTextAsync(path, """{ "port": -1, "tls": { "cert_file": "absent.pem", "key_file": "absent-key.pem" } }""");
        await using var edge = EdgeProcess.Start("-c", path);

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("[FTL] Error loading TLS certificate and key", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_from_the_config_file_serves_a_nats_net_client()
    {
        using var certificates = new TestCertificates();
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-tls-config-").FullName, "tls.json");
        await File.WriteAllTextAsync(path, $$"""
            { "host": "127.0.0.1", "port": -1,
              "tls": { "cert_file": "{{certificates.ServerCertificateFile}}", "key_file": "{{certificates.ServerKeyFile}}" } }
            """);
        await using var edge = await EdgeProcess.StartReadyAsync("-c", path);

        await using var client = new NATS.Net.NatsClient(new NATS.Client.Core.NatsOpts
        {
            Url = $"tls://127.0.0.1:{edge.Port}",
            TlsOpts = new NATS.Client.Core.NatsTlsOpts { CaFile = certificates.CaFile, Mode = NATS.Client.Core.TlsMode.Require },
        });
        var rtt = await client.PingAsync();

        Assert.True(rtt > TimeSpan.Zero);
    }

    [Fact]
    public async Task Logins_and_violations_are_logged_by_user_name_never_by_secret()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-auth-config-").FullName, "auth.json");
        await File.WriteAllTextAsync(path, """
            { "host": "127.0.0.1", "port": -1,
              "authorization": { "users": [ { "user": "alice", "password": "configured-secret", "permissions": { "publish": "ok" } } ] } }
            """);
        await using var edge = await EdgeProcess.StartReadyAsync("-c", path, "-DV");

        await using (var refused = await RawClient.ConnectAsync(edge.Port))
        {
            await refused.ReadInfoAsync();
            Assert.EndsWith("[closed]", await refused.ExchangeAsync("CONNECT {\"user\":\"alice\",\"pass\":\"guessed-secret\"}\r\n"), StringComparison.Ordinal);
        }

        await using var alice = await RawClient.OpenSessionAsync(edge.Port, "{\"verbose\":false,\"user\":\"alice\",\"pass\":\"configured-secret\"}");
        await alice.ExchangeAsync("PUB elsewhere 1\r\nx\r\n");
        await edge.WaitForLogAsync("Publish Violation");

        Assert.Contains("[WRN] Plaintext passwords detected, use nkeys or bcrypt", edge.Output, StringComparison.Ordinal);
        Assert.Contains("authentication error - User \"alice\"", edge.Output, StringComparison.Ordinal);
        Assert.Contains("Publish Violation - User \"alice\", Subject \"elsewhere\"", edge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("configured-secret", edge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed-secret", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_that_was_never_exported_is_a_configuration_error_and_exits_one()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nats-edge-accounts-config-").FullName, "accounts.json");
        await File.WriteAllTextAsync(path, """
            { "port": -1, "accounts": { "A": { }, "B": { "imports": [ { "stream": { "account": "A", "subject": "feed" } } ] } } }
            """);
        await using var edge = EdgeProcess.Start("-c", path);

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("account \"B\" imports stream \"feed\" that account \"A\" does not export to it", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leafnode_flag_joins_the_board_to_a_hub_without_a_config_file()
    {
        var hubLeafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $"\"leafnodes\": {{ \"listen\": \"127.0.0.1:{hubLeafPort}\" }}");
        await using var board = await EdgeProcess.StartReadyAsync("-a", "127.0.0.1", "-p", "-1", "--leafnode", $"nats-leaf://127.0.0.1:{hubLeafPort}");
        await using var onHub = await TestClients.ConnectAsync(hub);
        await using var onBoard = new NATS.Client.Core.NatsConnection(new NATS.Client.Core.NatsOpts { Url = $"nats://127.0.0.1:{board.Port}" });

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);

        Assert.Contains("Connected leafnode to \"127.0.0.1\"", board.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Port_in_use_is_a_fatal_error_and_exits_one()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var edge = EdgeProcess.Start("-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("[FTL] Error listening on port", edge.Output, StringComparison.Ordinal);
    }


    // [pid] 2006/01/02 15:04:05.000000 [INF] text
    [GeneratedRegex(@"^\[\d+\] \d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}\.\d{6} \[INF\] Starting nats-edge")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"\[INF\] Starting http monitor on 127\.0\.0\.1:(\d+)")]
    private static partial Regex MonitorLine();
}
