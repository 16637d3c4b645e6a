using System.Globalization;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's <c>tls { cert_file, key_file, ca_file, verify, verify_and_map, timeout }</c> block of a listener.</summary>
internal sealed class TlsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(CertificateFile), KeyShape.Text, "cert_file")
        .Add(nameof(KeyFile), KeyShape.Text, "key_file")
        .Add(nameof(CaFile), KeyShape.Text, "ca_file")
        .Add(nameof(Verify), KeyShape.Flag, "verify")
        .Add(nameof(VerifyAndMap), KeyShape.Flag, "verify_and_map")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout")
        .Add(nameof(HandshakeFirst), KeyShape.HandshakeFirst, "handshake_first", "first", "immediate");

    /// <summary>
    /// The route and gateway listeners': no verify_and_map, as neither maps the servers that dial it
    /// to users by certificate, and no handshake_first, as both run TLS from the first byte anyway.
    /// </summary>
    public static readonly SectionKeys LinkKeys = LinkListener();

    /// <summary>The leafnode listener's: a link listener's keys, and handshake_first as for clients.</summary>
    public static readonly SectionKeys LeafKeys = LinkListener()
        .Add(nameof(HandshakeFirst), KeyShape.HandshakeFirst, "handshake_first", "first", "immediate");

    public string? CertificateFile { get; set; }

    public string? KeyFile { get; set; }

    public string? CaFile { get; set; }

    public bool? Verify { get; set; }

    public bool? VerifyAndMap { get; set; }

    public TimeSpan? Timeout { get; set; }

    /// <summary>"true", "false" or the fallback's TimeSpan, as the normaliser writes it.</summary>
    public string? HandshakeFirst { get; set; }

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
            HandshakeFirst = HandshakeFirst is not (null or "false"),
            HandshakeFirstFallback = HandshakeFirst is null or "true" or "false" ? null : TimeSpan.Parse(HandshakeFirst, CultureInfo.InvariantCulture),
        };
    }

    private static SectionKeys LinkListener() => new SectionKeys()
        .Add(nameof(CertificateFile), KeyShape.Text, "cert_file")
        .Add(nameof(KeyFile), KeyShape.Text, "key_file")
        .Add(nameof(CaFile), KeyShape.Text, "ca_file")
        .Add(nameof(Verify), KeyShape.Flag, "verify")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout");
}
