using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>tls { cert_file, key_file, ca_file, verify, verify_and_map, timeout }</c> block of a listener.</summary>
internal sealed class TlsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("cert_file", KeyShape.Text)
        .Add("key_file", KeyShape.Text)
        .Add("ca_file", KeyShape.Text)
        .Add("verify", KeyShape.Flag)
        .Add("verify_and_map", KeyShape.Flag)
        .Add("timeout", KeyShape.Duration);

    /// <summary>The leafnode listener's: no verify_and_map, as leafs are not mapped to users by certificate.</summary>
    public static readonly SectionKeys LeafKeys = new SectionKeys()
        .Add("cert_file", KeyShape.Text)
        .Add("key_file", KeyShape.Text)
        .Add("ca_file", KeyShape.Text)
        .Add("verify", KeyShape.Flag)
        .Add("timeout", KeyShape.Duration);

    [ConfigurationKeyName("cert_file")]
    public string? CertificateFile { get; set; }

    [ConfigurationKeyName("key_file")]
    public string? KeyFile { get; set; }

    [ConfigurationKeyName("ca_file")]
    public string? CaFile { get; set; }

    [ConfigurationKeyName("verify")]
    public bool? Verify { get; set; }

    [ConfigurationKeyName("verify_and_map")]
    public bool? VerifyAndMap { get; set; }

    [ConfigurationKeyName("timeout")]
    public TimeSpan? Timeout { get; set; }

    // An empty block asks for TLS as much as a full one does, and is refused for what it lacks.
    public static TlsOptions? ToOptions(TlsSection? tls, ConfigPath at, string folder) =>
        tls is null && !at.IsWritten ? null : (tls ?? new TlsSection()).ToOptions(at, folder);

    // Relative certificate paths are taken from the config file's folder, so a file and its
    // certificates can move together.
    public TlsOptions ToOptions(ConfigPath at, string folder)
    {
        if (CertificateFile is null || KeyFile is null)
        {
            throw at.Needs("both cert_file and key_file");
        }

        var tls = new TlsOptions { CertificateFile = Path.Combine(folder, CertificateFile), KeyFile = Path.Combine(folder, KeyFile) };
        return tls with
        {
            CaFile = CaFile is null ? null : Path.Combine(folder, CaFile),
            Verify = Verify ?? tls.Verify,
            VerifyAndMap = VerifyAndMap ?? tls.VerifyAndMap,
            Timeout = Timeout ?? tls.Timeout,
        };
    }
}
