using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Security.Cryptography.X509Certificates;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Gateways;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Routes;

/// <summary>
/// <c>cluster.tls</c>: routes inside mutual TLS, between nats-edge and nats-server either way round,
/// from one JSON config each; a route port with TLS lets nobody in without a certificate.
/// </summary>
public sealed class RouteTlsTests
{
    [ReferenceTheory]
    [MemberData(nameof(ServerPairs.Mixed), MemberType = typeof(ServerPairs))]
    public async Task Routes_run_inside_tls_with_certificates_checked_both_ways(ServerTarget seed, ServerTarget joiner)
    {
        using var certificates = new TestCertificates();
        var seedPort = TestPorts.Free();
        await using var first = await TestServers.StartWithConfigAsync(seed, Cluster(seedPort, [], Tls(certificates)));
        await using var second = await TestServers.StartWithConfigAsync(joiner, Cluster(TestPorts.Free(), [seedPort], Tls(certificates)));
        await using var onFirst = await TestClients.ConnectAsync(first);
        await using var onSecond = await TestClients.ConnectAsync(second);

        await using var atFirst = await GatewayPair.SubscribeAcrossAsync(from: onSecond, to: onFirst, "secure.>");
        await onSecond.PublishAsync("secure.reading", "inside tls");
        Assert.Equal("inside tls", (await TestClients.NextOnAsync(atFirst, "secure.reading")).Data);

        await using var atSecond = await GatewayPair.SubscribeAcrossAsync(from: onFirst, to: onSecond, "back.>");
        await onFirst.PublishAsync("back.reading", "and back");
        Assert.Equal("and back", (await TestClients.NextOnAsync(atSecond, "back.reading")).Data);

        // A route that speaks before any handshake is not let in.
        await using var plain = await RawClient.ConnectAsync(seedPort);
        await plain.SendAsync("CONNECT {\"name\":\"NPLAIN\",\"cluster\":\"secure\"}\r\n");
        await plain.AssertClosedAsync();
    }

    [Fact]
    public async Task A_route_without_a_certificate_is_refused_even_without_verify()
    {
        using var certificates = new TestCertificates();
        var routePort = TestPorts.Free();
        // No "verify": routes are mutual TLS all the same, as nats-server holds them.
        var tls = Tls(certificates).Replace("\"verify\": true, ", string.Empty, StringComparison.Ordinal);
        await using var server = await TestServers.StartWithConfigAsync(ServerTarget.Edge, Cluster(routePort, [], tls));

        // The same handshake with the route certificate is let in and hears the route INFO.
        using var routeCertificate = X509Certificate2.CreateFromPemFile(certificates.LinkCertificateFile, certificates.LinkKeyFile);
        Assert.StartsWith("INFO ", await FirstWordsInsideTlsAsync(routePort, certificates, routeCertificate), StringComparison.Ordinal);

        // TLS 1.3 reports a refused certificate on the first read rather than in the handshake.
        var refused = await Record.ExceptionAsync(() => FirstWordsInsideTlsAsync(routePort, certificates, clientCertificate: null));
        Assert.True(refused is IOException or System.Security.Authentication.AuthenticationException, refused?.ToString() ?? "let in");
    }

    [Fact]
    public async Task A_reload_puts_tls_on_the_routes_set_up_afterwards()
    {
        using var certificates = new TestCertificates();
        var seedPort = TestPorts.Free();
        var plain = Load(Cluster(seedPort, [], tls: null)) with { HttpPort = -1 };
        await using var seed = await EdgeServer.StartAsync(plain, captureLog: true);

        seed.Reload(plain with { Cluster = plain.Cluster! with { Tls = Load(Cluster(seedPort, [], Tls(certificates))).Cluster!.Tls } });
        await seed.WaitForLogAsync("Reloaded: cluster tls = enabled");

        await using var joiner = await EdgeServer.StartAsync(Load(Cluster(TestPorts.Free(), [seedPort], Tls(certificates))), captureLog: true);
        await Poll.UntilAsync(() => seed.RouteCount == 1 && joiner.RouteCount == 1, () => seed.Log + "\n---\n" + joiner.Log);
        Assert.NotNull(seed.Server.Connections.Of<Nats.Edge.Server.Routes.RouteConnection>().Single().TlsStream);

        // /routez says so, with /connz's names for a TLS session.
        var route = (await MonitorClient.GetJsonAsync(seed, "/routez")).GetProperty("routes").EnumerateArray().Single();
        Assert.StartsWith("1.", route.GetProperty("tls_version").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("TLS_", route.GetProperty("tls_cipher_suite").GetString(), StringComparison.Ordinal);

        // The listener and the routes still cannot change while running.
        var moved = Assert.Throws<ServerOptionsException>(() => seed.Reload(plain with { Cluster = plain.Cluster! with { Port = TestPorts.Free() } }));
        Assert.Contains("config reload not supported for Cluster", moved.Message, StringComparison.Ordinal);
    }

    // What the route port says first inside a TLS session, presenting clientCertificate if given; throws when refused.
    private static async Task<string> FirstWordsInsideTlsAsync(int port, TestCertificates certificates, X509Certificate2? clientCertificate)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", port);
        await using var stream = new SslStream(new NetworkStream(socket, ownsSocket: false));
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck },
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
        };
        options.CertificateChainPolicy.CustomTrustStore.Add(certificates.LoadCa());
        await stream.AuthenticateAsClientAsync(options).WaitAsync(TimeSpan.FromSeconds(10));
        var buffer = new byte[1024];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return read == 0 ? throw new IOException("closed") : Encoding.ASCII.GetString(buffer, 0, read);
    }

    private static string Tls(TestCertificates certificates) =>
        $$"""
        "tls": { "cert_file": "{{certificates.LinkCertificateFile}}", "key_file": "{{certificates.LinkKeyFile}}",
                 "ca_file": "{{certificates.CaFile}}", "verify": true, "timeout": 2 }
        """;

    private static string Cluster(int port, int[] routes, string? tls) =>
        $$"""
        "cluster": { "name": "secure", "host": "127.0.0.1", "port": {{port}},
          "routes": [ {{string.Join(", ", routes.Select(route => $"\"nats-route://127.0.0.1:{route}\""))}} ]{{(tls is null ? string.Empty : ", " + tls)}} }
        """;

    private static ServerOptions Load(string body)
    {
        using var folder = new TempConfigFolder();
        var text = $"{{ \"host\": \"127.0.0.1\", \"port\": -1, {body} }}";
        return Nats.Edge.Configuration.ConfigFileLoader.Load(folder.Write("server.json", text), []).Options;
    }
}
