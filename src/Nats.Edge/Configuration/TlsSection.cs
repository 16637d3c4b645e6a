using Microsoft.Extensions.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>nats-server's client <c>tls { cert_file, key_file, ca_file, verify, timeout }</c> block.</summary>
internal sealed class TlsSection
{
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
    public string? Timeout { get; set; }
}
