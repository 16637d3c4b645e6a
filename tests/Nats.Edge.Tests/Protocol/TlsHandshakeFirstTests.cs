using NATS.Client.Core;
using NATS.Net;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// <c>tls { handshake_first }</c>, as nats-server 2.10 added it: the client opens with the TLS
/// handshake and INFO comes inside it, saving a round trip on a slow uplink. Debian's nats-server
/// 2.9 has no such option, so these run against nats-edge alone, with NATS.Net's implicit TLS as the
/// client and a nats-edge board as the leaf.
/// </summary>
public sealed class TlsHandshakeFirstTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task A_client_opening_with_tls_is_served_inside_it()
    {
        await using var server = await EdgeServer.StartAsync(TestServers.Defaults with { Tls = Tls() with { HandshakeFirst = true } });
        await using var client = Client(server.Port, TlsMode.Implicit);

        await AssertRoundTripAsync(client);
    }

    [Fact]
    public async Task Without_a_fallback_a_client_waiting_for_info_hears_nothing_and_is_closed()
    {
        await using var server = await EdgeServer.StartAsync(
            TestServers.Defaults with { Tls = Tls() with { HandshakeFirst = true, Timeout = TimeSpan.FromMilliseconds(500) } });
        await using var client = await RawClient.ConnectAsync(server.Port);

        // Nothing in plain text, not even INFO: the handshake's timeout closes it.
        Assert.Equal(string.Empty, await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task With_auto_both_kinds_of_client_are_served()
    {
        await using var server = await EdgeServer.StartAsync(
            TestServers.Defaults with { Tls = Tls() with { HandshakeFirst = true, HandshakeFirstFallback = TimeSpan.FromMilliseconds(50) } });
        await using var tlsFirst = Client(server.Port, TlsMode.Implicit);
        await using var infoFirst = Client(server.Port, TlsMode.Require);

        await AssertRoundTripAsync(tlsFirst);
        await AssertRoundTripAsync(infoFirst);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("\"auto\"")]
    public async Task A_board_dialling_tls_first_links_to_a_hub_whose_leafnode_port_has_it(string hubHandshakeFirst)
    {
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "http_port": -1,
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}},
              "tls": { "cert_file": "{{_certificates.ServerCertificateFile}}", "key_file": "{{_certificates.ServerKeyFile}}", "handshake_first": {{hubHandshakeFirst}} } }
            """);
        await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}",
              "tls": { "ca_file": "{{_certificates.CaFile}}", "handshake_first": true } } ] }
            """);
        await using var onHub = await TestClients.ConnectAsync(hub);
        await using var onBoard = await TestClients.ConnectAsync(board);

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
        var link = (await MonitorClient.GetJsonAsync(hub, "/leafz")).GetProperty("leafs").EnumerateArray().Single();
        Assert.StartsWith("1.", link.GetProperty("tls_version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hub_with_auto_still_links_a_board_that_waits_for_info()
    {
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}},
              "tls": { "cert_file": "{{_certificates.ServerCertificateFile}}", "key_file": "{{_certificates.ServerKeyFile}}", "handshake_first": "auto" } }
            """);
        await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}", "tls": { "ca_file": "{{_certificates.CaFile}}" } } ] }
            """);
        await using var onHub = await TestClients.ConnectAsync(hub);
        await using var onBoard = await TestClients.ConnectAsync(board);

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
    }

    private static async Task AssertRoundTripAsync(NatsClient client)
    {
        await client.ConnectAsync();
        await using var subscription = await client.Connection.SubscribeCoreAsync<string>("readings");
        await client.PingAsync();
        await client.PublishAsync("readings", "21.5");

        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        Assert.Equal("21.5", (await subscription.Msgs.ReadAsync(timeout.Token)).Data);
    }

    private NatsClient Client(int port, TlsMode mode) => new(new NatsOpts
    {
        Url = $"tls://127.0.0.1:{port}",
        TlsOpts = new NatsTlsOpts { CaFile = _certificates.CaFile, Mode = mode },
        ConnectTimeout = TestTimeouts.Reply,
    });

    private TlsOptions Tls() => new()
    {
        CertificateFile = _certificates.ServerCertificateFile,
        KeyFile = _certificates.ServerKeyFile,
    };
}
