using System.Text.RegularExpressions;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// The hub's leafnode port byte by byte, against both servers: what a leaf is told first, and how wrong
/// visitors and loops are turned away.
/// </summary>
public sealed partial class LeafPortTests
{
    private const string LeafConnect = "CONNECT {\"version\":\"2.9.10\",\"name\":\"probe\",\"cluster\":\"probe\",\"headers\":true}\r\n";

    [ServerTheory]
    public async Task First_info_carries_client_id_nonce_leafnode_urls_and_info_on_connect(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var leaf = await RawClient.ConnectAsync(port);

        var info = await leaf.ReadInfoAsync();

        Assert.True(info["client_id"]!.GetValue<ulong>() > 0);
        Assert.True(info["auth_required"]!.GetValue<bool>());
        Assert.True(info["info_on_connect"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(info["nonce"]!.GetValue<string>()));
        Assert.Contains($"127.0.0.1:{port}", info["leafnode_urls"]!.AsArray().Select(url => url!.GetValue<string>()));
    }

    [ServerTheory]
    public async Task Connect_is_answered_by_a_second_info_and_the_hubs_loop_detection_subject(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var leaf = await RawClient.ConnectAsync(port);
        await leaf.ReadInfoAsync();

        await leaf.SendAsync(LeafConnect);
        var second = await leaf.ReadInfoAsync();

        Assert.True(second["connect_info"]!.GetValue<bool>());
        Assert.Equal("$G", second["remote_account"]!.GetValue<string>());
        Assert.Matches(@"^\$LDS\.[A-Za-z0-9]+$", await ReadLoopDetectionSubjectAsync(leaf));
    }

    [ServerTheory]
    public async Task Client_dialling_the_leafnode_port_is_told_so_and_closed(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var client = await RawClient.ConnectAsync(port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false,\"lang\":\"python3\",\"version\":\"2.0.0\"}\r\n");

        await client.ExpectAsync("-ERR 'attempted to connect to leaf node port'\r\n");
        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Anything_before_connect_is_an_authorization_violation(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var leaf = await RawClient.ConnectAsync(port);
        await leaf.ReadInfoAsync();

        await leaf.SendAsync("LS+ foo\r\n");

        await leaf.ExpectAsync("-ERR 'Authorization Violation'\r\n");
        await leaf.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Own_loop_detection_subject_coming_back_is_a_detected_loop(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var leaf = await RawClient.ConnectAsync(port);
        await leaf.ReadInfoAsync();
        await leaf.SendAsync(LeafConnect);
        await leaf.ReadInfoAsync();
        var loopSubject = await ReadLoopDetectionSubjectAsync(leaf);

        await leaf.SendAsync($"LS+ {loopSubject}\r\n");

        var error = await leaf.ReadUntilAsync("\r\n");
        while (!error.StartsWith("-ERR", StringComparison.Ordinal))
        {
            error = await leaf.ReadUntilAsync("\r\n");
        }

        Assert.Equal("-ERR 'Loop detected for leafnode account=\"$G\". Delaying attempt to reconnect for 30s'\r\n", error);
    }

    [ServerTheory]
    public async Task Literal_jetstream_api_interest_is_a_permissions_violation_that_closes_the_link(ServerTarget target)
    {
        var (server, port) = await StartHubAsync(target);
        await using var _ = server;
        await using var leaf = await RawClient.ConnectAsync(port);
        await leaf.ReadInfoAsync();
        await leaf.SendAsync(LeafConnect);
        await leaf.ReadInfoAsync();
        await ReadLoopDetectionSubjectAsync(leaf);

        await leaf.SendAsync("LS+ $KV.>\r\nLS+ $JS.API.STREAM.INFO.x\r\n");

        var error = await leaf.ReadUntilAsync("\r\n");
        while (!error.StartsWith("-ERR", StringComparison.Ordinal))
        {
            error = await leaf.ReadUntilAsync("\r\n");
        }

        Assert.Equal("-ERR 'Permissions Violation for Subscription to \"$JS.API.STREAM.INFO.x\"'\r\n", error);
    }

    private static async Task<(IRunningServer Server, int LeafPort)> StartHubAsync(ServerTarget target)
    {
        var port = TestPorts.Free();
        var server = await TestServers.StartWithConfigAsync(target, $"\"leafnodes\": {{ \"listen\": \"127.0.0.1:{port}\" }}");
        return (server, port);
    }

    // The hub's LS+ burst after INFO #2 holds its "$LDS.<id>" among other subjects, in any order.
    private static async Task<string> ReadLoopDetectionSubjectAsync(RawClient leaf)
    {
        while (true)
        {
            var line = await leaf.ReadUntilAsync("\r\n");
            var match = LoopSubject().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }
    }


    [GeneratedRegex(@"^LS\+ (\$LDS\.\S+)\r\n$")]
    private static partial Regex LoopSubject();
}
