using System.Net.Security;
using NATS.Client.Core;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A server's websocket port in a test: its config block (on a port reserved up front, as nats-server
/// must be told one) and NATS.Net clients dialling it with <c>ws://</c> or <c>wss://</c>.
/// </summary>
public sealed class WebSocketPort
{
    public WebSocketPort(string members = "\"no_tls\": true") => Members = members;

    public int Port { get; } = TestPorts.Free();

    /// <summary>The block's members besides its listen address: no_tls, or tls, and the rest.</summary>
    public string Members { get; }

    /// <summary>The top-level <c>websocket</c> member for a config file.</summary>
    public string Block => $"\"websocket\": {{ \"listen\": \"127.0.0.1:{Port}\", {Members} }}";

    /// <summary>
    /// Connects NATS.Net over WebSocket; with <paramref name="certificates"/> over wss trusting their
    /// authority; with <paramref name="deflate"/> offering permessage-deflate, as browsers do.
    /// </summary>
    public async Task<NatsConnection> ConnectAsync(TestCertificates? certificates = null, bool deflate = false)
    {
        var connection = new NatsConnection(new NatsOpts
        {
            Url = $"{(certificates is null ? "ws" : "wss")}://127.0.0.1:{Port}",
            Name = "nats-edge-tests-ws",
            ConnectTimeout = TestTimeouts.Reply,
            RequestTimeout = TestTimeouts.Reply,
            WebSocketOpts = new NatsWebSocketOpts
            {
                ConfigureClientWebSocketOptions = (_, options, _) =>
                {
                    if (deflate)
                    {
                        options.DangerousDeflateOptions = new System.Net.WebSockets.WebSocketDeflateOptions { ClientContextTakeover = false, ServerContextTakeover = false };
                    }

                    if (certificates is not null)
                    {
                        var authority = certificates.LoadCa();
                        options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                            errors == SslPolicyErrors.None || (certificate is not null && ChainsTo(certificate, authority));
                    }

                    return ValueTask.CompletedTask;
                },
            },
        });
        try
        {
            await connection.ConnectAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static bool ChainsTo(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Cryptography.X509Certificates.X509Certificate2 authority)
    {
        using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
        chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
        using var presented = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(presented);
    }
}
