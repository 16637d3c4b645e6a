using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using NATS.Client.Core;
using NATS.Net;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Protocol;

/// <summary>
/// INFO in plain text announcing tls_required, then everything inside TLS, as with nats-server;
/// verify demands a client certificate from the configured CA.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [ServerTheory]
    public async Task Info_announces_tls_required_and_the_session_continues_inside_tls(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options());
        await using var session = await TlsSession.OpenAsync(server.Port);

        Assert.True(session.Info["tls_required"]!.GetValue<bool>());
        Assert.Null(session.Info["tls_verify"]);

        using var ca = _certificates.LoadCa();
        await session.HandshakeAsync(ca, clientCertificate: null);
        Assert.Equal("MSG secure 1 2\r\nhi\r\nPONG\r\n", await session.ExchangeAsync("CONNECT {\"verbose\":false}\r\nSUB secure 1\r\nPUB secure 2\r\nhi\r\nPING\r\n", "PONG\r\n"));
    }

    [ServerTheory]
    public async Task Client_that_never_starts_tls_is_closed_without_a_word_after_the_tls_timeout(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options() with { Tls = Tls() with { Timeout = TimeSpan.FromMilliseconds(500) } });
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Plain_text_after_the_info_ends_the_connection_instead_of_hanging(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options());
        await using var client = await RawClient.ConnectAsync(server.Port);
        await client.ReadInfoAsync();

        await client.SendAsync("CONNECT {\"verbose\":false}\r\nPING\r\n");

        await client.AssertClosedAsync();
    }

    [ServerTheory]
    public async Task Verify_is_announced_and_refuses_a_client_without_a_certificate(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options(verify: true));
        await using var session = await TlsSession.OpenAsync(server.Port);
        using var ca = _certificates.LoadCa();

        Assert.True(session.Info["tls_verify"]!.GetValue<bool>());

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await session.HandshakeAsync(ca, clientCertificate: null);
            await session.ExchangeAsync("CONNECT {\"verbose\":false}\r\nPING\r\n", "PONG\r\n");
        });
    }

    [ServerTheory]
    public async Task Verify_accepts_a_client_certificate_from_the_configured_authority(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options(verify: true));
        await using var session = await TlsSession.OpenAsync(server.Port);
        using var ca = _certificates.LoadCa();
        using var clientCertificate = _certificates.LoadClient();

        await session.HandshakeAsync(ca, clientCertificate);

        Assert.Equal("PONG\r\n", await session.ExchangeAsync("CONNECT {\"verbose\":false}\r\nPING\r\n", "PONG\r\n"));
    }

    [ServerTheory]
    public async Task Nats_net_client_publishes_and_subscribes_over_tls(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options());
        await using var client = new NatsClient(new NatsOpts
        {
            Url = $"tls://127.0.0.1:{server.Port}",
            TlsOpts = new NatsTlsOpts { CaFile = _certificates.CaFile, Mode = TlsMode.Require },
        });
        await client.ConnectAsync();
        await using var subscription = await client.Connection.SubscribeCoreAsync<string>("readings");
        await client.PingAsync();

        await client.PublishAsync("readings", "21.5");

        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        var message = await subscription.Msgs.ReadAsync(timeout.Token);
        Assert.Equal("21.5", message.Data);
    }

    private ServerOptions Options(bool verify = false) => TestServers.Defaults with { Tls = Tls() with { Verify = verify } };

    private TlsOptions Tls() => new()
    {
        CertificateFile = _certificates.ServerCertificateFile,
        KeyFile = _certificates.ServerKeyFile,
        CaFile = _certificates.CaFile,
    };
}
