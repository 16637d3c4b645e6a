namespace Nats.Edge.Server.Configuration;

/// <summary>Full-mesh clustering with other servers over routes (nats-server: <c>cluster</c>).</summary>
public sealed record ClusterOptions
{
    /// <summary>The cluster's name; every server of a cluster uses the same. Generated when unset.</summary>
    public string? Name { get; init; }

    /// <summary>Route listen address (nats-server: <c>cluster.listen</c> / <c>host</c>).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>Route port (6222 by convention); -1 or 0 picks a free port.</summary>
    public int Port { get; init; } = 6222;

    /// <summary>Servers to dial (<c>nats-route://[user:pass@]host:port</c>); the rest of the mesh is learned from them.</summary>
    public IReadOnlyList<Uri> Routes { get; init; } = [];

    /// <summary>The user a route must log in as (<c>cluster.authorization.user</c>); null: none.</summary>
    public string? Username { get; init; }

    /// <summary>That user's password (plain or bcrypt).</summary>
    public string? Password { get; init; }

    /// <summary>Time a dialling server has to send CONNECT (<c>cluster.authorization.timeout</c>).</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Do not tell clients the other servers' URLs (<c>cluster.no_advertise</c>).</summary>
    public bool NoAdvertise { get; init; }

    /// <summary>
    /// Attempts at a route learned from another server before giving up (<c>cluster.connect_retries</c>);
    /// configured routes are retried forever.
    /// </summary>
    public int ConnectRetries { get; init; }

    /// <summary>
    /// TLS on every route, both ways (<c>cluster.tls</c>): the handshake comes before any word, and
    /// each side presents its certificate and checks the other's, whatever <c>verify</c> says, as
    /// nats-server holds routes to mutual TLS. Null: plain TCP.
    /// </summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>
    /// S2 on routes (<c>cluster.compression</c>). <c>accept</c> by default, as in nats-server 2.10: this
    /// server starts no compression but compresses when the peer asks for it.
    /// </summary>
    public CompressionOptions Compression { get; init; } = new() { Mode = CompressionModes.Accept };
}
