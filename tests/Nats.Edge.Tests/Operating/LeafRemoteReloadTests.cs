using System.Net;
using System.Net.Sockets;
using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>
/// Leafnode remotes on reload, as nats-server 2.14 takes them: added, removed, disabled and enabled,
/// their TLS changed, and only the links that changed go down. Also each remote's dial and first
/// INFO timeouts.
/// </summary>
public sealed class LeafRemoteReloadTests
{
    [Fact]
    public async Task An_added_remote_is_dialled_and_a_removed_one_closed_while_the_other_link_carries_on()
    {
        await using var hubA = await StartHubAsync();
        await using var hubB = await StartHubAsync();
        var toA = Remote(hubA);
        var toB = Remote(hubB);
        var options = TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [toA] } };
        await using var board = await EdgeServer.StartAsync(options, captureLog: true);
        await Poll.UntilAsync(() => Links(hubA) == 1 && UplinkTo(board, hubA) is not null);
        var linkToA = UplinkTo(board, hubA);

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [toA, toB] } });
        await board.WaitForLogAsync("Reloaded: LeafNode Remote urls=[nats-leaf://127.0.0.1:");
        await Poll.UntilAsync(() => Links(hubB) == 1, () => board.Log);
        Assert.Same(linkToA, UplinkTo(board, hubA));

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [toB] } });
        await Poll.UntilAsync(() => Links(hubA) == 0, () => board.Log);
        Assert.Contains("removed", board.Log, StringComparison.Ordinal);

        // Gone for good: not dialled again.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, Links(hubA));
        Assert.Equal(1, Links(hubB));
    }

    [Fact]
    public async Task A_disabled_remote_is_not_dialled_until_a_reload_enables_it_and_is_closed_when_disabled_again()
    {
        await using var hub = await StartHubAsync();
        var remote = Remote(hub) with { Disabled = true };
        var options = TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } };
        await using var board = await EdgeServer.StartAsync(options, captureLog: true);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, Links(hub));

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [remote with { Disabled = false }] } });
        await Poll.UntilAsync(() => Links(hub) == 1, () => board.Log);
        Assert.Contains("Disabled value is: false", board.Log, StringComparison.Ordinal);

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } });
        await Poll.UntilAsync(() => Links(hub) == 0, () => board.Log);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(0, Links(hub));
    }

    [Fact]
    public async Task A_remote_whose_tls_changed_keeps_its_link()
    {
        await using var hub = await StartHubAsync();
        var remote = Remote(hub);
        var options = TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } };
        await using var board = await EdgeServer.StartAsync(options, captureLog: true);
        await Poll.UntilAsync(() => Links(hub) == 1 && UplinkTo(board, hub) is not null);
        var link = UplinkTo(board, hub)!;

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [remote with { Tls = new RemoteTlsOptions() }] } });
        await board.WaitForLogAsync("Reloaded server configuration");

        await Task.Delay(300);
        Assert.Same(link, UplinkTo(board, hub));
        Assert.False(link.IsClosing);
    }

    [Fact]
    public async Task A_remote_whose_compression_changed_is_set_up_again_with_it()
    {
        await using var hub = await StartHubAsync();
        var remote = Remote(hub) with { Compression = new CompressionOptions { Mode = CompressionModes.Off } };
        var options = TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } };
        await using var board = await EdgeServer.StartAsync(options, captureLog: true);
        await Poll.UntilAsync(() => UplinkTo(board, hub) is not null);
        var plain = UplinkTo(board, hub)!;
        Assert.Equal(CompressionModes.Off, plain.Compression);

        board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [remote with { Compression = new CompressionOptions { Mode = CompressionModes.S2Fast } }] } });

        await Poll.UntilAsync(() => UplinkTo(board, hub) is { } link && link != plain, () => board.Log);
        Assert.Equal(CompressionModes.S2Fast, UplinkTo(board, hub)!.Compression);
        Assert.Contains("Compression value is: s2_fast", board.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_changes_to_a_kept_remote_or_to_the_leafnode_port_are_refused()
    {
        await using var hub = await StartHubAsync();
        var remote = Remote(hub);
        var options = TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } };
        await using var board = await EdgeServer.StartAsync(options, captureLog: true);

        var denied = Assert.Throws<ServerOptionsException>(() =>
            board.Reload(options with { Leafnodes = new LeafnodeOptions { Remotes = [remote with { DenyImports = ["admin.>"] }] } }));
        Assert.Contains("remote urls=[nats-leaf://127.0.0.1:", denied.Message, StringComparison.Ordinal);
        Assert.Contains("field \"DenyImports\"", denied.Message, StringComparison.Ordinal);

        var port = Assert.Throws<ServerOptionsException>(() =>
            board.Reload(options with { Leafnodes = new LeafnodeOptions { Port = TestPorts.Free(), Remotes = [remote] } }));
        Assert.Contains("config reload not supported for LeafNode: field \"Port\"", port.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(5000, false)]
    public async Task A_hub_silent_past_first_info_timeout_is_hung_up_on(int firstInfoMilliseconds, bool hungUp)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"nats-leaf://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        var remote = new RemoteLeafOptions { Urls = [url], FirstInfoTimeout = TimeSpan.FromMilliseconds(firstInfoMilliseconds) };
        await using var board = await EdgeServer.StartAsync(TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Remotes = [remote] } });

        using var accepted = await silent.AcceptSocketAsync().WaitAsync(TestTimeouts.Reply);
        var read = accepted.ReceiveAsync(new byte[64]);

        // Well before the default 2 s, and well after 300 ms.
        Assert.Equal(hungUp, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(1.5))) == read);
    }

    private static async Task<EdgeServer> StartHubAsync() =>
        await EdgeServer.StartAsync(TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Host = "127.0.0.1", Port = 0 } });

    private static RemoteLeafOptions Remote(EdgeServer hub) => new() { Urls = [new Uri($"nats-leaf://127.0.0.1:{hub.Server.LeafEndPoint!.Port}")] };

    private static int Links(EdgeServer hub) => hub.Server.Connections.Of<LeafConnection>().Count(link => !link.IsClosing);

    private static LeafConnection? UplinkTo(EdgeServer board, EdgeServer hub) =>
        board.Server.Connections.Of<LeafConnection>().SingleOrDefault(link => link.Solicitor is not null && !link.IsClosing && link.ToString().Contains(
            hub.Server.LeafEndPoint!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
}
