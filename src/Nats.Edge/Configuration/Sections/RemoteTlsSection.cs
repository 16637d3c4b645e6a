using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A remote's <c>tls { ca_file, cert_file, key_file, timeout }</c>.</summary>
internal sealed class RemoteTlsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("ca_file", KeyShape.Text)
        .Add("cert_file", KeyShape.Text)
        .Add("key_file", KeyShape.Text)
        .Add("timeout", KeyShape.Duration);

    [ConfigurationKeyName("ca_file")]
    public string? CaFile { get; set; }

    [ConfigurationKeyName("cert_file")]
    public string? CertificateFile { get; set; }

    [ConfigurationKeyName("key_file")]
    public string? KeyFile { get; set; }

    [ConfigurationKeyName("timeout")]
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
