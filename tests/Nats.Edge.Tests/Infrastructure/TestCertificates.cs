using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A throwaway certificate authority with a server certificate for 127.0.0.1/localhost and a client
/// certificate, made at run time and written as PEM files both servers read. No key is ever checked in.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-tls-");
    private readonly X509Certificate2 _authority;

    public TestCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Nats.Edge Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        CaFile = Write("ca.pem", _authority.ExportCertificatePem());

        (ServerCertificateFile, ServerKeyFile) = Issue("server", "CN=localhost", serverAuth: true, email: null);
        (ClientCertificateFile, ClientKeyFile) = Issue("client", "CN=board-1", serverAuth: false, email: null);
        (LinkCertificateFile, LinkKeyFile) = Issue("link", "CN=localhost", serverAuth: true, email: null, clientAuth: true);
    }

    public string CaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    /// <summary>A server's certificate that also serves it as a client: a gateway presents the same one both ways.</summary>
    public string LinkCertificateFile { get; }

    public string LinkKeyFile { get; }

    public X509Certificate2 LoadCa() => X509CertificateLoader.LoadCertificateFromFile(CaFile);

    public X509Certificate2 LoadClient() => X509Certificate2.CreateFromPemFile(ClientCertificateFile, ClientKeyFile);

    /// <summary>Issues another client certificate, optionally with an e-mail subject alternative name.</summary>
    public (string Certificate, string Key) IssueClient(string name, string subject, string? email = null) =>
        Issue(name, subject, serverAuth: false, email);

    public void Dispose()
    {
        _authority.Dispose();
        _directory.Delete(recursive: true);
    }

    private (string Certificate, string Key) Issue(string name, string subject, bool serverAuth, string? email, bool clientAuth = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") };
        if (clientAuth)
        {
            usages.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }
        else if (email is not null)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddEmailAddress(email);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        using var certificate = request.Create(_authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(6), serial);
        return (Write($"{name}-cert.pem", certificate.ExportCertificatePem()), Write($"{name}-key.pem", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, pem);
        return path;
    }
}
