using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A remote's <c>tls { ca_file, cert_file, key_file, timeout, handshake_first }</c>.</summary>
internal sealed class RemoteTlsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(CaFile), KeyShape.Text, "ca_file")
        .Add(nameof(CertificateFile), KeyShape.Text, "cert_file")
        .Add(nameof(KeyFile), KeyShape.Text, "key_file")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout")
        .Add(nameof(HandshakeFirst), KeyShape.HandshakeFirst, "handshake_first", "first", "immediate");

    public string? CaFile { get; set; }

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public TimeSpan? Timeout { get; set; }

    /// <summary>Anything but "false" dials TLS first: a fallback only means something to a listener.</summary>
    public string? HandshakeFirst { get; set; }

    public RemoteTlsOptions ToOptions(string folder)
    {
        var tls = new RemoteTlsOptions();
        return tls with
        {
            CaFile = InFolder(folder, CaFile),
            CertificateFile = InFolder(folder, CertificateFile),
            KeyFile = InFolder(folder, KeyFile),
            Timeout = Timeout ?? tls.Timeout,
            HandshakeFirst = HandshakeFirst is not (null or "false"),
        };
    }

    private static string? InFolder(string folder, string? file) => file is null ? null : Path.Combine(folder, file);
}
