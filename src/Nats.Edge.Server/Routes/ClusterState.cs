using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Logging;

namespace Nats.Edge.Server.Routes;

/// <summary>This server's place in its cluster: the name, the route port, and one route per peer server.</summary>
internal sealed class ClusterState(ClusterOptions options, string serverId)
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
    /// Registers the route to <paramref name="peerId"/>. Two servers that dial each other at once (both
    /// told of the other by gossip) end up with two connections; both sides keep the one dialled by
    /// the server with the smaller id, so they agree without talking. The loser comes back in
    /// <paramref name="replaced"/> (an older registered route) or as a false return (this one).
    /// </summary>
    public bool TryRegister(RouteConnection route, string peerId, out RouteConnection? replaced)
    {
        replaced = null;
        lock (_sync)
        {
            if (!_routes.TryGetValue(peerId, out var existing))
            {
                _routes.Add(peerId, route);
                return true;
            }

            if (!Preferred(route, peerId) || Preferred(existing, peerId))
            {
                return false;
            }

            _routes[peerId] = route;
            replaced = existing;
            return true;
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

    private bool Preferred(RouteConnection route, string peerId) =>
        string.CompareOrdinal(route.IsSolicited ? serverId : peerId, route.IsSolicited ? peerId : serverId) < 0;

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
