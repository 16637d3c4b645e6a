using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Routes;

/// <summary>This server's place in its cluster: the name, the route port, and one route per peer server.</summary>
internal sealed class ClusterState(ClusterOptions options)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, RouteConnection> _routes = new(StringComparer.Ordinal);

    public ClusterOptions Options => options;

    /// <summary>The configured name, or a generated one until a peer's configured name replaces it.</summary>
    public string Name { get; private set; } = options.Name ?? NewName();

    public bool NameIsDynamic { get; private set; } = options.Name is null;

    public bool RequiresAuthentication => options.Username is not null;

    /// <summary>The routes that are up, one per peer.</summary>
    public List<RouteConnection> Routes
    {
        get
        {
            lock (_sync)
            {
                return [.. _routes.Values];
            }
        }
    }

    public bool HasRoute(string serverId)
    {
        lock (_sync)
        {
            return _routes.ContainsKey(serverId);
        }
    }

    /// <summary>
    /// Registers the route to <paramref name="peerId"/>; false when one is registered already, and
    /// that one stays, as in nats-server. Two servers that dial each other at once have two
    /// connections, and each side keeps the first it registered. A registered route is never
    /// replaced: it may already carry interest and messages both ways, and whatever is in flight on
    /// a route that is dropped is lost. If the peer kept the other connection, both close and the
    /// dialling sides try again (see <see cref="RouteSolicitor"/>).
    /// </summary>
    public bool TryRegister(RouteConnection route, string peerId)
    {
        lock (_sync)
        {
            return _routes.TryAdd(peerId, route);
        }
    }

    /// <summary>Removes the route if it was the registered one for its peer; false otherwise.</summary>
    public bool Unregister(RouteConnection route)
    {
        lock (_sync)
        {
            return route.Peer?.ServerId is { } id && _routes.TryGetValue(id, out var current) && current == route && _routes.Remove(id);
        }
    }

    /// <summary>
    /// A peer names another cluster. A configured name stands; a generated one gives way to a
    /// configured one, and between generated names the greater wins on both sides, as in nats-server.
    /// </summary>
    public bool TryAdopt(string theirs, bool theirsIsDynamic, ServerLog log)
    {
        lock (_sync)
        {
            if (!NameIsDynamic)
            {
                return false;
            }

            if (theirsIsDynamic && string.CompareOrdinal(Name, theirs) > 0)
            {
                // Ours wins; the peer adopts it when it reads our INFO.
                return true;
            }

            Name = theirs;
            NameIsDynamic = theirsIsDynamic;
        }

        log.Info($"Cluster name updated to {theirs}");
        return true;
    }

    // nats-server generates a 22-character NUID; any unique name does, and it need not be secret.
    private static string NewName() => ServerIdentity.NewNuid();
}
