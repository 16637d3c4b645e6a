using System.Globalization;
using System.Text.Json.Nodes;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>What scripts and tools that spawn nats-server rely on: -t, -P, --ports_file_dir, --signal.</summary>
public sealed class ProcessCommandTests
{
    [Fact]
    public async Task Config_test_of_a_valid_file_says_so_and_exits_zero()
    {
        using var folder = new TempConfigFolder();
        var path = folder.Write("server.json", """{ "port": 4222, "max_payload": "1MB" }""");
        await using var edge = EdgeProcess.Start("-t", "-c", path);

        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.Equal($"nats-edge: configuration file {path} is valid", edge.Output.Trim());
    }

    [Fact]
    public async Task Config_test_of_a_bad_file_names_the_problem_and_exits_one()
    {
        using var folder = new TempConfigFolder();
        var path = folder.Write("server.json", """{ "authorization": { "users": [ { "user": "a" } ] }, "no_auth_user": "b" }""");
        await using var edge = EdgeProcess.Start("-t", "-c", path);

        Assert.Equal(1, await edge.WaitForExitAsync());
        Assert.Contains("no_auth_user: \"b\" not present as user", edge.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("is valid", edge.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_ports_are_written_to_the_ports_file_and_the_pid_to_the_pid_file()
    {
        using var folder = new TempConfigFolder();
        var pidFile = Path.Combine(folder.FullName, "nats-edge.pid");
        var config = folder.Write("server.json", """{ "listen": "127.0.0.1:-1", "leafnodes": { "listen": "127.0.0.1:-1" } }""");
        await using var edge = await EdgeProcess.StartReadyAsync("-c", config, "-m", "-1", "--ports_file_dir", folder.FullName, "-P", pidFile);
        var portsFile = Path.Combine(folder.FullName, $"nats-edge_{edge.ProcessId.ToString(CultureInfo.InvariantCulture)}.ports");

        await Poll.UntilAsync(() => File.Exists(portsFile));
        var ports = JsonNode.Parse(await File.ReadAllTextAsync(portsFile))!;
        Assert.Equal($"nats://127.0.0.1:{edge.Port}", ports["nats"]![0]!.GetValue<string>());
        Assert.StartsWith("nats-leaf://127.0.0.1:", ports["leafnode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:", ports["monitoring"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(edge.ProcessId.ToString(CultureInfo.InvariantCulture), await File.ReadAllTextAsync(pidFile));

        edge.Signal(Posix.SigTerm);
        Assert.Equal(0, await edge.WaitForExitAsync());
        Assert.False(File.Exists(portsFile), "the ports file outlived the server");
    }

    [Fact]
    public async Task Signal_reload_through_the_pid_file_reloads_the_config()
    {
        using var folder = new TempConfigFolder();
        var pidFile = Path.Combine(folder.FullName, "nats-edge.pid");
        var config = folder.Write("server.json", """{ "listen": "127.0.0.1:-1", "max_payload": 1024 }""");
        await using var edge = await EdgeProcess.StartReadyAsync("-c", config, "-P", pidFile);
        folder.Write("server.json", """{ "listen": "127.0.0.1:-1", "max_payload": 2048 }""");

        await using var command = EdgeProcess.Start("--signal", $"reload={pidFile}");

        Assert.Equal(0, await command.WaitForExitAsync());
        await edge.WaitForLogAsync("[INF] Reloaded: max_payload = 2048");
    }

    [Theory]
    [InlineData("bounce=1", "unknown signal \"bounce\"")]
    [InlineData("reload=/nonexistent/nats-edge.pid", "is neither a process id nor a readable pid file")]
    public async Task Signal_with_a_bad_command_or_pid_says_why_and_exits_one(string argument, string message)
    {
        await using var command = EdgeProcess.Start("--signal", argument);

        Assert.Equal(1, await command.WaitForExitAsync());
        Assert.Contains(message, command.Output, StringComparison.Ordinal);
    }
}
