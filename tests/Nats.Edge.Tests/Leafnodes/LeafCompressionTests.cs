using System.Text.Json;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// S2 compression of a leafnode link, negotiated as nats-server 2.10 negotiates it: each side's
/// mode in its INFO, the choice on each side, the switch to S2 after the INFO exchange. Debian's
/// nats-server 2.9 has no compression, so it shows the other case: a peer whose INFO has no
/// <c>compression</c> gets a plain link.
/// </summary>
public sealed class LeafCompressionTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Theory]
    [InlineData("s2_fast", "accept", "s2_fast", "s2_fast")]
    [InlineData("accept", "s2_better", "s2_better", "s2_better")]
    [InlineData("s2_best", "s2_fast", "s2_best", "s2_fast")]
    // Loopback's RTT is under s2_auto's first threshold: S2 framing, data stored.
    [InlineData("s2_auto", "s2_auto", "s2_uncompressed", "s2_uncompressed")]
    [InlineData("off", "s2_auto", "off", null)]
    [InlineData("s2_fast", "off", "off", null)]
    [InlineData("accept", "accept", "off", null)]
    public async Task The_link_runs_with_the_modes_each_side_chose(string boardMode, string hubMode, string boardRuns, string? hubRuns)
    {
        await using var pair = await StartAsync(boardMode, hubMode);

        await CrossBothWaysAsync(pair);
        var board = await LinkAsync(pair.Board);
        var hub = await LinkAsync(pair.Hub);
        Assert.Equal(boardRuns, Mode(board));
        Assert.Equal(hubRuns, Mode(hub));
        Assert.Equal(boardRuns.StartsWith("s2_", StringComparison.Ordinal), board.TryGetProperty("compressed_out_bytes", out _));
    }

    [Fact]
    public async Task Sensor_readings_cross_in_fewer_bytes_than_they_take()
    {
        await using var pair = await StartAsync("s2_fast", "s2_fast");
        await using var onHub = await TestClients.ConnectAsync(pair.Hub);
        await using var onBoard = await TestClients.ConnectAsync(pair.Board);
        await using var readings = await LeafPair.SubscribeAcrossAsync(from: onBoard, to: onHub, "sensors.>", "sensors.probe");

        for (var i = 0; i < 2000; i++)
        {
            await onBoard.PublishAsync("sensors.pi-07.temp", $$"""{"sensor":"pi-07/temp","value":{{21 + (i % 50 / 10.0)}},"unit":"C","ts":{{1733616000123L + i}}}""");
        }

        await onBoard.PingAsync();
        var link = await MonitorClient.WaitForAsync(pair.Board, "/leafz", page =>
            Leaf(page).GetProperty("uncompressed_out_bytes").GetInt64() > 2000 * 70);
        var before = Leaf(link).GetProperty("uncompressed_out_bytes").GetInt64();
        var after = Leaf(link).GetProperty("compressed_out_bytes").GetInt64();
        Assert.True(after < before / 2, $"{after} of {before} bytes");
    }

    [Fact]
    public async Task Compression_runs_inside_tls()
    {
        await using var pair = await StartAsync(
            "s2_fast",
            "s2_fast",
            remoteTls: $$""", "tls": { "ca_file": "{{_certificates.CaFile}}" }""",
            hubTls: $$""", "tls": { "cert_file": "{{_certificates.ServerCertificateFile}}", "key_file": "{{_certificates.ServerKeyFile}}" }""");

        await CrossBothWaysAsync(pair);
        var board = await LinkAsync(pair.Board);
        Assert.Equal("s2_fast", Mode(board));
        Assert.True(board.TryGetProperty("tls_version", out _));
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Reference, ServerTarget.Edge)]
    [InlineData(ServerTarget.Edge, ServerTarget.Reference)]
    public async Task A_nats_server_2_9_peer_gets_a_plain_link_and_no_error(ServerTarget board, ServerTarget hub)
    {
        var leafPort = TestPorts.Free();
        await using var hubServer = await TestServers.StartWithConfigAsync(hub, $$"""
            "http_port": -1, "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}}{{(hub == ServerTarget.Edge ? ", \"compression\": \"s2_best\"" : string.Empty)}} }
            """);
        await using var boardServer = await TestServers.StartWithConfigAsync(board, $$"""
            "http_port": -1, "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}"{{(board == ServerTarget.Edge ? ", \"compression\": \"s2_best\"" : string.Empty)}} } ] }
            """);
        await using var onHub = await TestClients.ConnectAsync(hubServer);
        await using var onBoard = await TestClients.ConnectAsync(boardServer);

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
        await LeafPair.WaitForCrossingAsync(from: onHub, to: onBoard);
        var edge = board == ServerTarget.Edge ? boardServer : hubServer;
        Assert.Null(Mode(await LinkAsync(edge)));
    }

    private static async Task<Pair> StartAsync(
        string boardMode, string hubMode, string remoteTls = "", string hubTls = "")
    {
        var leafPort = TestPorts.Free();
        var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "http_port": -1, "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}}, "compression": "{{hubMode}}"{{hubTls}} }
            """);
        var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "http_port": -1, "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}", "compression": "{{boardMode}}"{{remoteTls}} } ] }
            """);
        return new Pair(board, hub);
    }

    private static async Task CrossBothWaysAsync(Pair pair)
    {
        await using var onHub = await TestClients.ConnectAsync(pair.Hub);
        await using var onBoard = await TestClients.ConnectAsync(pair.Board);
        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
        await LeafPair.WaitForCrossingAsync(from: onHub, to: onBoard);
    }

    private static async Task<JsonElement> LinkAsync(IRunningServer server) =>
        Leaf(await MonitorClient.WaitForAsync(server, "/leafz", page => page.GetProperty("leafs").GetArrayLength() == 1));

    private static JsonElement Leaf(JsonElement page) => page.GetProperty("leafs").EnumerateArray().Single();

    private static string? Mode(JsonElement link) => link.TryGetProperty("compression", out var mode) ? mode.GetString() : null;

    private sealed class Pair(IRunningServer board, IRunningServer hub) : IAsyncDisposable
    {
        public IRunningServer Board => board;

        public IRunningServer Hub => hub;

        public async ValueTask DisposeAsync()
        {
            await board.DisposeAsync();
            await hub.DisposeAsync();
        }
    }
}
