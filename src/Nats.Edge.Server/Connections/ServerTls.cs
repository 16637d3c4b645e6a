using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// The loaded form of <see cref="TlsOptions"/>: the server certificate and the client-certificate
/// check, built once at startup so a bad file stops the server instead of failing each handshake.
/// </summary>
internal sealed class ServerTls
{
    private readonly X509Certificate2Collection? _authorities;

    public ServerTls(TlsOptions options)
    {
        Options = options;
        Certificate = X509Certificate2.CreateFromPemFile(options.CertificateFile, options.KeyFile);
        if (options.CaFile is { } caFile)
        {
            _authorities = [];
            _authorities.ImportFromPemFile(caFile);
        }

        Authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(Certificate, additionalCertificates: null),
            ClientCertificateRequired = options.Verify || options.VerifyAndMap,
            RemoteCertificateValidationCallback = ValidateClient,
        };
    }

    public TlsOptions Options { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>Whether clients must present a certificate: <c>verify</c> or <c>verify_and_map</c>.</summary>
    public bool RequiresClientCertificate => Options.Verify || Options.VerifyAndMap;

    public SslServerAuthenticationOptions Authentication { get; }

    /// <summary>
    /// Runs the server side of a TLS handshake over <paramref name="inner"/> within tls.timeout: the
    /// TLS stream, or null and why. A timeout has no why: the connection closes without a word, as
    /// nats-server 2.9.10 closes it (a reference-backed test checks it).
    /// </summary>
    public async Task<(SslStream? Stream, string? Error)> AcceptAsync(Stream inner)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        using var timeout = new CancellationTokenSource(Options.Timeout);
        string? error = null;
        try
        {
            await ssl.AuthenticateAsServerAsync(Authentication, timeout.Token).ConfigureAwait(false);
            return (ssl, null);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException)
        {
            error = ex.Message;
        }

        await ssl.DisposeAsync().ConfigureAwait(false);
        return (null, error);
    }

    // With verify the client's certificate must chain to ca_file (or the system store without one);
    // without verify any certificate the client volunteers is accepted, as nats-server does.
    private bool ValidateClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!RequiresClientCertificate)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        if (_authorities is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(presented);
    }
}
