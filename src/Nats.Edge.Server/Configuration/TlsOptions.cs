namespace Nats.Edge.Server.Configuration;

/// <summary>nats-server's client <c>tls { cert_file, key_file, ca_file, verify, verify_and_map, timeout, handshake_first }</c> block.</summary>
public sealed record TlsOptions
{
    /// <summary>PEM certificate (chain) the server presents.</summary>
    public required string CertificateFile { get; init; }

    /// <summary>PEM private key of that certificate.</summary>
    public required string KeyFile { get; init; }

    /// <summary>PEM certificates of the authorities client certificates must chain to.</summary>
    public string? CaFile { get; init; }

    /// <summary>Require and check a client certificate (<c>verify: true</c>).</summary>
    public bool Verify { get; init; }

    /// <summary>
    /// Require a client certificate and log its owner in as the user named by the certificate's
    /// e-mail address, DNS name or subject (<c>verify_and_map: true</c>).
    /// </summary>
    public bool VerifyAndMap { get; init; }

    /// <summary>Time a client has to complete the handshake (nats-server: 2 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The client (or leaf) opens with the TLS handshake and INFO follows inside it
    /// (<c>handshake_first</c>, nats-server 2.10), instead of INFO in plain text first.
    /// </summary>
    public bool HandshakeFirst { get; init; }

    /// <summary>
    /// With <see cref="HandshakeFirst"/>: how long to wait for the handshake before taking the peer
    /// for one that waits for INFO first, and serving it that way (<c>handshake_first: auto</c> is
    /// 50 ms); null waits for TLS only.
    /// </summary>
    public TimeSpan? HandshakeFirstFallback { get; init; }
}
