using System.Text.Json;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Gateways;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>
/// <c>cluster.compression</c>: the two servers of a route agree on S2 as nats-server 2.10 does, each
/// side compressing at its own level; a nats-server 2.9 peer, which knows no compression, gets a plain
/// route. Messages cross both ways whatever was agreed.
/// </summary>
public sealed class RouteCompressionTests
{
    /// <summary>The accepting server's mode, the dialling server's, and what each then runs with (null: not shown).</summary>
    public static TheoryData<string, string, string?, string?> ModePairs => new()
    {
        { "accept", "accept", "off", "off" },
        { "accept", "s2_fast", "s2_fast", "s2_fast" },
        { "s2_fast", "accept", "s2_fast", "s2_fast" },
        { "s2_best", "s2_fast", "s2_best", "s2_fast" },
        // s2_auto on loopback (well under 10 ms) sends S2 frames uncompressed; accept follows it with s2_fast.
        { "s2_auto", "accept", "s2_uncompressed", "s2_fast" },
        { "off", "s2_fast", "off", "off" },
        { "s2_better", "off", "off", "off" },
        // Configured to act as a server without compression: no field in its INFO, so none on either side.
        { "not_supported", "s2_fast", null, null },
    };

    [Theory]
    [MemberData(nameof(ModePairs))]
    public async Task Each_side_runs_the_mode_it_agreed(string acceptor, string dialler, string? acceptorRuns, string? diallerRuns)
    {
        var seedPort = TestPorts.Free();
        await using var seed = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(seedPort, null, acceptor));
        await using var joiner = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(TestPorts.Free(), seedPort, dialler));

        await AssertMessagesCrossBothWaysAsync(seed, joiner);

        var accepted = await RouteAsync(seed);
        var dialled = await RouteAsync(joiner);
        Assert.Equal((acceptorRuns, diallerRuns), (Mode(accepted), Mode(dialled)));
        var compressing = acceptorRuns is not (null or "off");
        AssertCounted(accepted, compressing);
        AssertCounted(dialled, compressing);
    }

    [ReferenceTheory]
    [InlineData(ServerTarget.Reference, ServerTarget.Edge)]
    [InlineData(ServerTarget.Edge, ServerTarget.Reference)]
    public async Task A_nats_server_2_9_peer_gets_a_plain_route(ServerTarget seedTarget, ServerTarget joinerTarget)
    {
        // nats-server 2.9 refuses a compression key, so only nats-edge's config asks for it.
        var seedPort = TestPorts.Free();
        await using var seed = await TestServers.StartWithConfigAsync(seedTarget, Cluster(seedPort, null, Asks(seedTarget)));
        await using var joiner = await TestServers.StartWithConfigAsync(joinerTarget, Cluster(TestPorts.Free(), seedPort, Asks(joinerTarget)));

        await AssertMessagesCrossBothWaysAsync(seed, joiner);

        var edge = seedTarget == ServerTarget.Edge ? seed : joiner;
        var route = await RouteAsync(edge);
        Assert.Null(Mode(route));
        AssertCounted(route, compressing: false);

        static string? Asks(ServerTarget target) => target == ServerTarget.Edge ? "s2_fast" : null;
    }

    [Fact]
    public async Task Compression_runs_inside_route_tls()
    {
        using var certificates = new TestCertificates();
        var tls = $$"""
            "tls": { "cert_file": "{{certificates.LinkCertificateFile}}", "key_file": "{{certificates.LinkKeyFile}}",
                     "ca_file": "{{certificates.CaFile}}", "verify": true, "timeout": 2 }
            """;
        var seedPort = TestPorts.Free();
        await using var seed = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(seedPort, null, "s2_fast", tls));
        await using var joiner = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(TestPorts.Free(), seedPort, "accept", tls));

        await AssertMessagesCrossBothWaysAsync(seed, joiner);

        foreach (var server in new[] { seed, joiner })
        {
            var route = await RouteAsync(server);
            Assert.Equal("s2_fast", Mode(route));
            Assert.StartsWith("1.", route.GetProperty("tls_version").GetString(), StringComparison.Ordinal);
            AssertCounted(route, compressing: true);
        }
    }

    [Fact]
    public async Task A_reload_that_changes_compression_sets_the_routes_up_again_with_it()
    {
        var seedPort = TestPorts.Free();
        await using var seed = (EdgeServer)await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(seedPort, null, "accept"), captureLog: true);
        await using var joiner = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(TestPorts.Free(), seedPort, "accept"));
        Assert.Equal("off", Mode(await RouteAsync(seed)));

        var options = seed.Server.Options;
        seed.Reload(options with { Cluster = options.Cluster! with { Compression = new CompressionOptions { Mode = CompressionModes.S2Fast } } });
        await seed.WaitForLogAsync("Reloaded: cluster compression = s2_fast");

        // The joiner, which accepts, redials and follows the seed's s2_fast.
        await MonitorClient.WaitForAsync(joiner, "/routez", routez => routez.GetProperty("routes").EnumerateArray().Any(route => Mode(route) == "s2_fast"));
        await AssertMessagesCrossBothWaysAsync(seed, joiner);
        Assert.Equal("s2_fast", Mode(await RouteAsync(seed)));

        // Listener, name and routes still cannot change while running.
        var renamed = Assert.Throws<ServerOptionsException>(() => seed.Reload(options with { Cluster = options.Cluster! with { Name = "other" } }));
        Assert.Contains("config reload not supported for Cluster", renamed.Message, StringComparison.Ordinal);
    }

    private static async Task AssertMessagesCrossBothWaysAsync(IRunningServer seed, IRunningServer joiner)
    {
        await using var onSeed = await TestClients.ConnectAsync(seed);
        await using var onJoiner = await TestClients.ConnectAsync(joiner);

        await using var atSeed = await GatewayPair.SubscribeAcrossAsync(from: onJoiner, to: onSeed, "readings.>");
        await onJoiner.PublishAsync("readings.kitchen", "{\"temperature\":21.5}");
        Assert.Equal("{\"temperature\":21.5}", (await TestClients.NextOnAsync(atSeed, "readings.kitchen")).Data);

        await using var atJoiner = await GatewayPair.SubscribeAcrossAsync(from: onSeed, to: onJoiner, "commands.>");
        await onSeed.PublishAsync("commands.fan", "on");
        Assert.Equal("on", (await TestClients.NextOnAsync(atJoiner, "commands.fan")).Data);
    }

    private static async Task<JsonElement> RouteAsync(IRunningServer server) =>
        (await MonitorClient.WaitForAsync(server, "/routez", routez => routez.GetProperty("num_routes").GetInt32() == 1))
            .GetProperty("routes").EnumerateArray().Single();

    private static string? Mode(JsonElement route) =>
        route.TryGetProperty("compression", out var mode) ? mode.GetString() : null;

    // A compressing route counts its bytes before and after S2 both ways; a plain one shows no counts.
    private static void AssertCounted(JsonElement route, bool compressing)
    {
        foreach (var name in new[] { "uncompressed_out_bytes", "compressed_out_bytes", "uncompressed_in_bytes", "compressed_in_bytes" })
        {
            Assert.Equal(compressing, route.TryGetProperty(name, out var bytes));
            if (compressing)
            {
                Assert.True(bytes.GetInt64() > 0, $"{name} is {bytes}");
            }
        }
    }

    private static string Cluster(int port, int? seedPort, string? compression, string? tls = null) =>
        $$"""
        "http_port": -1,
        "cluster": { "name": "squeezed", "host": "127.0.0.1", "port": {{port}},
          "routes": [ {{(seedPort is { } seed ? $"\"nats-route://127.0.0.1:{seed}\"" : string.Empty)}} ]
          {{(compression is null ? string.Empty : $", \"compression\": \"{compression}\"")}}{{(tls is null ? string.Empty : ", " + tls)}} }
        """;
}
