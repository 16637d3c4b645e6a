using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Leafnodes;

/// <summary>
/// A board whose network lets nothing out but through an HTTP proxy: its remote's <c>proxy</c> block
/// opens a CONNECT tunnel to the hub, and the leafnode link (inside TLS when asked) runs through it.
/// </summary>
public sealed class LeafProxyTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [ReferenceTheory]
    [InlineData(ServerTarget.Reference)]
    [InlineData(ServerTarget.Edge)]
    public async Task A_board_behind_a_proxy_links_to_its_hub_through_a_connect_tunnel(ServerTarget hubTarget)
    {
        await using var proxy = new TestHttpProxy("pi", "s3cret");
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(hubTarget, $$"""
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}} }
            """);
        await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Board(leafPort, proxy.Port, """, "username": "pi", "password": "s3cret" """), captureLog: true);
        await using var onHub = await TestClients.ConnectAsync(hub);
        await using var onBoard = await TestClients.ConnectAsync(board);

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
        await LeafPair.WaitForCrossingAsync(from: onHub, to: onBoard);
        var request = Assert.Single(proxy.Requests);
        Assert.StartsWith($"CONNECT 127.0.0.1:{leafPort} HTTP/1.1\r\nHost: 127.0.0.1:{leafPort}\r\nProxy-Authorization: Basic ", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_to_the_hub_runs_inside_the_tunnel()
    {
        await using var proxy = new TestHttpProxy();
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}},
              "tls": { "cert_file": "{{_certificates.ServerCertificateFile}}", "key_file": "{{_certificates.ServerKeyFile}}" } }
            """);
        await using var board = await TestServers.StartWithConfigAsync(
            ServerTarget.Edge, Board(leafPort, proxy.Port, proxyExtra: string.Empty, remoteExtra: $$""", "tls": { "ca_file": "{{_certificates.CaFile}}" }"""));
        await using var onHub = await TestClients.ConnectAsync(hub);
        await using var onBoard = await TestClients.ConnectAsync(board);

        await LeafPair.WaitForCrossingAsync(from: onBoard, to: onHub);
    }

    [Theory]
    [InlineData("wrong", "proxy CONNECT failed: 407 Proxy Authentication Required")]
    [InlineData(null, "failed to connect to proxy")]
    public async Task A_proxy_that_refuses_or_is_not_there_is_reported_and_no_link_comes_up(string? password, string error)
    {
        await using var proxy = new TestHttpProxy("pi", "s3cret");
        var leafPort = TestPorts.Free();
        await using var hub = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}} }
            """);
        var proxyPort = password is null ? TestPorts.Free() : proxy.Port;
        var credentials = password is null ? string.Empty : $$""", "username": "pi", "password": "{{password}}" """;
        await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Board(leafPort, proxyPort, credentials), captureLog: true);

        await Poll.UntilLogContainsAsync(() => board.Log, error);
        Assert.DoesNotContain("Connected leafnode", board.Log, StringComparison.Ordinal);
    }

    private static string Board(int leafPort, int proxyPort, string proxyExtra, string remoteExtra = "") =>
        $$"""
        "leafnodes": { "remotes": [ { "url": "nats-leaf://127.0.0.1:{{leafPort}}"{{remoteExtra}},
          "proxy": { "url": "http://127.0.0.1:{{proxyPort}}"{{proxyExtra}} } } ] }
        """;
}
