namespace Nats.Edge.Server.Configuration;

/// <summary>
/// Joining this server's cluster to other clusters as a super-cluster, over gateways (nats-server:
/// <c>gateway</c>). The gateway name is the cluster's name.
/// </summary>
public sealed record GatewayOptions
{
    /// <summary>This cluster's gateway name (<c>name</c>); every server of the cluster uses the same.</summary>
    public required string Name { get; init; }

    /// <summary>Gateway listen address (<c>host</c> / <c>listen</c>).</summary>
    public string Host { get; init; } = "0.0.0.0";

    /// <summary>Gateway port (7222 by convention); -1 or 0 picks a free port.</summary>
    public int Port { get; init; } = 7222;

    /// <summary><c>host:port</c> other servers should dial for this one (<c>advertise</c>); null: the listen address.</summary>
    public string? Advertise { get; init; }

    /// <summary>The remote clusters this server dials (<c>gateways</c>); others are learned by gossip.</summary>
    public IReadOnlyList<RemoteGatewayOptions> Gateways { get; init; } = [];

    /// <summary>The user an inbound gateway must log in as (<c>authorization.user</c>); null: none.</summary>
    public string? Username { get; init; }

    /// <summary>That user's password (plain or bcrypt).</summary>
    public string? Password { get; init; }

    /// <summary>Time a dialling gateway has to send CONNECT (<c>authorization.timeout</c>, 2 s).</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>TLS on gateway connections, both ways (<c>tls</c>).</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Attempts at a gateway learned by gossip before giving up (<c>connect_retries</c>); configured ones are retried forever.</summary>
    public int ConnectRetries { get; init; }

    /// <summary>Refuse gateways of clusters not configured here, and do not dial learned ones (<c>reject_unknown_cluster</c>).</summary>
    public bool RejectUnknown { get; init; }
}
