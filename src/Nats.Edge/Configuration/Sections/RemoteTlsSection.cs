using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A remote's <c>tls { ca_file, cert_file, key_file, timeout }</c>.</summary>
internal sealed class RemoteTlsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(CaFile), KeyShape.Text, "ca_file")
        .Add(nameof(CertificateFile), KeyShape.Text, "cert_file")
        .Add(nameof(KeyFile), KeyShape.Text, "key_file")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout");

    public string? CaFile { get; set; }

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public TimeSpan? Timeout { get; set; }

    public RemoteTlsOptions ToOptions(string folder)
    {
        var tls = new RemoteTlsOptions();
        return tls with
        {
            CaFile = InFolder(folder, CaFile),
            CertificateFile = InFolder(folder, CertificateFile),
            KeyFile = InFolder(folder, KeyFile),
            Timeout = Timeout ?? tls.Timeout,
        };
    }

    private static string? InFolder(string folder, string? file) => file is null ? null : Path.Combine(folder, file);
}
