using System.Security.Cryptography.X509Certificates;
using NATS.Client.Core;
using NATS.Net;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Security;

/// <summary>
/// <c>tls { verify_and_map: true }</c>: the client certificate is the credential, and the user it
/// names (by e-mail address, else by subject) brings its permissions.
/// </summary>
public sealed class CertificateMappingTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [ServerTheory]
    public async Task Certificate_subject_logs_in_as_the_user_of_that_name_with_its_permissions(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var session = await HandshakeAsync(server, _certificates.ClientCertificateFile, _certificates.ClientKeyFile);

        var answer = await session.ExchangeAsync(
            "CONNECT {\"verbose\":false}\r\nSUB sensors.> 1\r\nPUB sensors.temp 2\r\n21\r\nPUB lights.on 1\r\n1\r\nPING\r\n", "PONG\r\n");

        Assert.Equal("MSG sensors.temp 1 2\r\n21\r\n-ERR 'Permissions Violation for Publish to \"lights.on\"'\r\nPONG\r\n", answer);
    }

    [ServerTheory]
    public async Task Certificate_email_logs_in_as_the_user_named_by_it(ServerTarget target)
    {
        var (certificate, key) = _certificates.IssueClient("mailed", "CN=board-9", email: "board-9@edge.example");
        await using var server = await StartAsync(target);
        await using var session = await HandshakeAsync(server, certificate, key);

        var answer = await session.ExchangeAsync("CONNECT {\"verbose\":false}\r\nPUB alerts.fire 1\r\n!\r\nPUB sensors.x 1\r\n1\r\nPING\r\n", "PONG\r\n");

        Assert.Equal("-ERR 'Permissions Violation for Publish to \"sensors.x\"'\r\nPONG\r\n", answer);
    }

    [ServerTheory]
    public async Task Certificate_naming_no_user_is_an_authorization_violation(ServerTarget target)
    {
        var (certificate, key) = _certificates.IssueClient("stranger", "CN=stranger");
        await using var server = await StartAsync(target);
        await using var session = await HandshakeAsync(server, certificate, key);

        var answer = await session.ExchangeAsync("CONNECT {\"verbose\":false}\r\nPING\r\n", "'Authorization Violation'\r\n");

        Assert.Equal("-ERR 'Authorization Violation'\r\n", answer);
    }

    [ServerTheory]
    public async Task Nats_net_client_logs_in_with_its_certificate_alone(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = new NatsClient(new NatsOpts
        {
            Url = $"tls://127.0.0.1:{server.Port}",
            TlsOpts = new NatsTlsOpts
            {
                CaFile = _certificates.CaFile,
                CertFile = _certificates.ClientCertificateFile,
                KeyFile = _certificates.ClientKeyFile,
                Mode = TlsMode.Require,
            },
        });
        await client.ConnectAsync();
        await using var subscription = await client.Connection.SubscribeCoreAsync<string>("sensors.humidity");
        await client.PingAsync();

        await client.PublishAsync("sensors.humidity", "40");

        Assert.Equal("40", (await TestClients.NextAsync(subscription)).Data);
    }

    [ServerTheory]
    public async Task Nats_net_client_without_a_certificate_cannot_connect(ServerTarget target)
    {
        await using var server = await StartAsync(target);
        await using var client = new NatsClient(new NatsOpts
        {
            Url = $"tls://127.0.0.1:{server.Port}",
            TlsOpts = new NatsTlsOpts { CaFile = _certificates.CaFile, Mode = TlsMode.Require },
            ConnectTimeout = TestTimeouts.Reply,
        });

        await Assert.ThrowsAnyAsync<NatsException>(async () => await client.ConnectAsync());
    }

    private Task<IRunningServer> StartAsync(ServerTarget target) => TestServers.StartWithConfigAsync(target, $$"""
        "tls": { "cert_file": "{{_certificates.ServerCertificateFile}}", "key_file": "{{_certificates.ServerKeyFile}}",
                 "ca_file": "{{_certificates.CaFile}}", "verify_and_map": true },
        "authorization": {
          "users": [
            { "user": "CN=board-1", "permissions": { "publish": "sensors.>", "subscribe": "sensors.>" } },
            { "user": "board-9@edge.example", "permissions": { "publish": "alerts.>" } }
          ]
        }
        """);

    private async Task<TlsSession> HandshakeAsync(IRunningServer server, string certificateFile, string keyFile)
    {
        var session = await TlsSession.OpenAsync(server.Port);
        try
        {
            using var ca = _certificates.LoadCa();
            using var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            await session.HandshakeAsync(ca, certificate);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
