namespace Nats.Edge.Server.Connections;

/// <summary>
/// The rules for what crosses from one kind of connection to another:
/// - a leaf that dialled in hears everything (it only has this server);
/// - an uplink and a route hear this server's clients, the leafs that dialled in and what came from
///   another cluster over a gateway, never another uplink or route: every server of a cluster dials
///   its hub itself, and a route carries only what its own server holds, so nothing reaches a server
///   twice;
/// - a gateway carries messages that began in this cluster at this server (clients, leafs, the
///   uplink), never a route's, whose own server sent it to the gateways itself, nor another gateway's;
///   but it hears the interest of the whole cluster, routes' included, since any server of the
///   cluster may be the one the other cluster sends to.
/// </summary>
internal static class LinkRoles
{
    /// <summary>Whether a message that came from <paramref name="from"/> goes on to a link of role <paramref name="to"/>.</summary>
    public static bool MayForward(LinkRole from, LinkRole to) => to switch
    {
        LinkRole.Leaf => true,
        LinkRole.Gateway => from is LinkRole.Local or LinkRole.Leaf or LinkRole.Uplink,
        _ => from is LinkRole.Local or LinkRole.Leaf or LinkRole.Gateway,
    };

    /// <summary>Whether interest learned from <paramref name="from"/> is announced to a link of role <paramref name="to"/>.</summary>
    public static bool MayAnnounce(LinkRole from, LinkRole to) =>
        to == LinkRole.Gateway ? from != LinkRole.Gateway : MayForward(from, to);
}
