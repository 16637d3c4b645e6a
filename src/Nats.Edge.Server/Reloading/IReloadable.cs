using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Reloading;

/// <summary>What a config reload reads and replaces in the running server.</summary>
internal interface IReloadable
{
    ServerOptions Options { get; }

    /// <summary>The client port's TLS; null serves plain TCP.</summary>
    ServerTls? Tls { get; }

    /// <summary>The leafnode port's TLS; null serves plain TCP.</summary>
    ServerTls? LeafTls { get; }

    /// <summary>The leafnode remotes, which a reload may add, remove, disable or change.</summary>
    Leafnodes.LeafRemotes LeafRemotes { get; }

    /// <summary>The cluster, whose route TLS a reload may replace; null outside a cluster.</summary>
    Routes.ClusterManager? Cluster { get; }

    /// <summary>Runs on with <paramref name="options"/>, the authenticator built from them and the client and leafnode TLS loaded for them.</summary>
    void Replace(ServerOptions options, Authenticator authenticator, ServerTls? tls, ServerTls? leafTls);
}
