namespace Nats.Edge.Server.Configuration;

/// <summary>A remote's <c>tls { ca_file, cert_file, key_file, timeout, handshake_first }</c>: how this server proves itself to a hub and checks it.</summary>
public sealed record RemoteTlsOptions
{
    /// <summary>PEM certificates of the authorities the hub's certificate must chain to; null uses the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>Client certificate for hubs that verify; null sends none.</summary>
    public string? CertificateFile { get; init; }

    /// <summary>Key of <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; init; }

    /// <summary>Handshake time limit (2 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Open with the TLS handshake, before the hub's INFO, for a hub whose leafnode port has <c>handshake_first</c>.</summary>
    public bool HandshakeFirst { get; init; }
}
