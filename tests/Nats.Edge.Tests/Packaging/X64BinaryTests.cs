using System.Globalization;
using System.Text.Json.Nodes;
using NATS.Net;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Packaging;

/// <summary>
/// The published linux-x64 binary where only the native build can show it: what it reads from the
/// process it was started by (its environment, its own name).
/// </summary>
public sealed class X64BinaryTests
{
    [PublishedFact("linux-x64")]
    public async Task A_stray_nats_edge_variable_is_warned_about_and_the_server_serves_clients()
    {
        var binary = PublishedBinary.X64;
        await using var edge = await binary.StartAsReadyAsync(
            binary.BinaryPath, new Dictionary<string, string> { ["NATS_EDGE_APT_UPDATED"] = "1" }, "-a", "127.0.0.1", "-p", "-1");
        await using var client = new NatsClient($"nats://127.0.0.1:{edge.Port}");

        await client.PingAsync();

        Assert.Contains(
            "[WRN] environment variable NATS_EDGE_APT_UPDATED: unknown configuration key 'apt_updated', ignored",
            edge.Output,
            StringComparison.Ordinal);
    }

    [PublishedFact("linux-x64")]
    public async Task Linked_as_nats_server_it_writes_the_ports_file_that_nats_server_harnesses_read()
    {
        using var folder = new TempConfigFolder();
        var link = Path.Combine(folder.FullName, "nats-server");
        File.CreateSymbolicLink(link, PublishedBinary.X64.BinaryPath);
        await using var edge = await PublishedBinary.X64.StartAsReadyAsync(
            link, null, "-a", "127.0.0.1", "-p", "-1", "--ports_file_dir", folder.FullName);
        var portsFile = Path.Combine(folder.FullName, $"nats-server_{edge.ProcessId.ToString(CultureInfo.InvariantCulture)}.ports");

        await Poll.UntilAsync(() => File.Exists(portsFile));
        var url = JsonNode.Parse(await File.ReadAllTextAsync(portsFile))!["nats"]![0]!.GetValue<string>();
        await using var client = new NatsClient(url);

        Assert.Equal($"nats://127.0.0.1:{edge.Port}", url);
        await client.PingAsync();
    }
}
