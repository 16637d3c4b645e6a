namespace Nats.Edge.Server.Configuration;

/// <summary>nats-server's <c>leafnodes { … }</c> block: the leafnode listener (hub role) and the remotes (board role).</summary>
public sealed record LeafnodeOptions
{
    /// <summary>Leafnode listen address (<c>leafnodes.host</c> / <c>listen</c>).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>Leafnode port (<c>leafnodes.port</c>, 7422 by nats-server's default); null listens nowhere; 0 or -1 picks a free port.</summary>
    public int? Port { get; init; }

    /// <summary>Single user leafs log in as (<c>leafnodes.authorization.user</c>).</summary>
    public string? Username { get; init; }

    /// <summary>That user's password, plain or bcrypt.</summary>
    public string? Password { get; init; }

    /// <summary>The account leafs of the single user (or any leaf, without authorization) are bound to.</summary>
    public string? Account { get; init; }

    /// <summary>Leaf users, each with the account its leafs are bound to (<c>leafnodes.authorization.users</c>).</summary>
    public IReadOnlyList<UserOptions> Users { get; init; } = [];

    /// <summary>Time an accepted leaf has to send CONNECT (<c>leafnodes.authorization.timeout</c>, 2 s).</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>TLS for accepted leaf connections; null serves plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>The hubs this server dials (<c>leafnodes.remotes</c>).</summary>
    public IReadOnlyList<RemoteLeafOptions> Remotes { get; init; } = [];

    /// <summary>
    /// First delay before redialling a remote (<c>leafnodes.reconnect</c>, 1 s). Failed dials double it,
    /// with jitter, up to 30 times this value, so a fleet of boards does not hammer a hub that just
    /// came back; a connection that worked starts over from this value.
    /// </summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>S2 compression offered to the leafs that dial in (<c>leafnodes.compression</c>), s2_auto by default as in nats-server 2.10+.</summary>
    public CompressionOptions Compression { get; init; } = new() { Mode = CompressionModes.S2Auto };

    /// <summary>Time a remote's TCP connect may take (<c>leafnodes.dial_timeout</c>, 2 s) unless the remote sets its own.</summary>
    public TimeSpan DialTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
