using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A raw client for TLS servers: reads the plain-text INFO, then runs the handshake itself so tests
/// can choose the client certificate and pin the bytes that come back inside TLS.
/// </summary>
public sealed class TlsSession : IAsyncDisposable
{
    private readonly Socket _socket;
    private SslStream? _tls;

    private TlsSession(Socket socket, JsonObject info)
    {
        _socket = socket;
        Info = info;
    }

    /// <summary>The INFO the server sent before the handshake.</summary>
    public JsonObject Info { get; }

    /// <summary>Connects and reads exactly the INFO line, byte by byte, leaving the handshake untouched.</summary>
    public static async Task<TlsSession> OpenAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
            await socket.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
            var line = new List<byte>();
            var one = new byte[1];
            while (line.Count == 0 || line[^1] != (byte)'\n')
            {
                Assert.True(await socket.ReceiveAsync(one, deadline.Token) == 1, "closed before INFO");
                line.Add(one[0]);
            }

            var text = Encoding.ASCII.GetString([.. line]);
            Assert.StartsWith("INFO ", text, StringComparison.Ordinal);
            return new TlsSession(socket, JsonNode.Parse(text[5..])!.AsObject());
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Runs the TLS handshake, trusting <paramref name="authority"/>, offering <paramref name="clientCertificate"/>.</summary>
    public async Task HandshakeAsync(X509Certificate2 authority, X509Certificate2? clientCertificate)
    {
        _tls = new SslStream(new NetworkStream(_socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { authority },
                RevocationMode = X509RevocationMode.NoCheck,
            },
        };
        using var deadline = new CancellationTokenSource(TestTimeouts.Reply);
        await _tls.AuthenticateAsClientAsync(options, deadline.Token);
    }

    /// <summary>Sends the lines and reads until <paramref name="ending"/> arrives; throws if the server closes first.</summary>
    public async Task<string> ExchangeAsync(string lines, string ending)
    {
        var tls = _tls ?? throw new InvalidOperationException("Handshake first.");
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

    public async ValueTask DisposeAsync()
    {
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        _socket.Dispose();
    }
}
