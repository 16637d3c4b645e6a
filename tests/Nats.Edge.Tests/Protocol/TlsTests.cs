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
/// spec/client-protocol.md §2 item 3 and §14: INFO in plain text announcing tls_required, then
/// everything inside TLS; verify demands a client certificate from the configured CA.
/// </summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [ServerTheory]
    public async Task Info_announces_tls_required_and_the_session_continues_inside_tls(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options());
        using var tcp = await ConnectAsync(server.Port);

        var info = await ReadInfoAsync(tcp);
        Assert.True(info["tls_required"]!.GetValue<bool>());
        Assert.Null(info["tls_verify"]);

        await using var tls = await HandshakeAsync(tcp, clientCertificate: null);
        Assert.Equal("MSG secure 1 2\r\nhi\r\nPONG\r\n", await ExchangeAsync(tls, "CONNECT {\"verbose\":false}\r\nSUB secure 1\r\nPUB secure 2\r\nhi\r\nPING\r\n", "PONG\r\n"));
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
        using var tcp = await ConnectAsync(server.Port);

        var info = await ReadInfoAsync(tcp);
        Assert.True(info["tls_verify"]!.GetValue<bool>());

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var tls = await HandshakeAsync(tcp, clientCertificate: null);
            await ExchangeAsync(tls, "CONNECT {\"verbose\":false}\r\nPING\r\n", "PONG\r\n");
        });
    }

    [ServerTheory]
    public async Task Verify_accepts_a_client_certificate_from_the_configured_authority(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, Options(verify: true));
        using var tcp = await ConnectAsync(server.Port);
        await ReadInfoAsync(tcp);
        using var clientCertificate = _certificates.LoadClient();

        await using var tls = await HandshakeAsync(tcp, clientCertificate);

        Assert.Equal("PONG\r\n", await ExchangeAsync(tls, "CONNECT {\"verbose\":false}\r\nPING\r\n", "PONG\r\n"));
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

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        return socket;
    }

    // Reads exactly the plain-text INFO line, byte by byte, leaving the TLS handshake untouched.
    private static async Task<JsonObject> ReadInfoAsync(Socket socket)
    {
        var line = new List<byte>();
        var one = new byte[1];
        using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
        while (line.Count == 0 || line[^1] != (byte)'\n')
        {
            Assert.True(await socket.ReceiveAsync(one, deadline.Token) == 1, "closed before INFO");
            line.Add(one[0]);
        }

        var text = Encoding.ASCII.GetString([.. line]);
        Assert.StartsWith("INFO ", text, StringComparison.Ordinal);
        return JsonNode.Parse(text[5..])!.AsObject();
    }

    private async Task<SslStream> HandshakeAsync(Socket socket, X509Certificate2? clientCertificate)
    {
        using var ca = _certificates.LoadCa();
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, CustomTrustStore = { ca }, RevocationMode = X509RevocationMode.NoCheck },
        };
        using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
        await tls.AuthenticateAsClientAsync(options, deadline.Token);
        return tls;
    }

    // Sends the lines and reads until the expected ending arrives (or the server closes).
    private static async Task<string> ExchangeAsync(SslStream tls, string lines, string ending)
    {
        await tls.WriteAsync(Encoding.ASCII.GetBytes(lines));
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
        while (!received.ToString().EndsWith(ending, StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer, deadline.Token);
            if (read == 0)
            {
                throw new IOException("closed after: " + received);
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString();
    }
}
