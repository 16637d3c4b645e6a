namespace Nats.Edge.Server.Connections;

/// <summary>
/// The one rule for what crosses from one kind of connection to another, for interest (LS+/RS+) and
/// messages alike, so the two can never disagree:
/// - a leaf that dialled in hears everything (it only has this server);
/// - an uplink and a route hear this server's clients and the leafs that dialled in, never another
///   uplink or route: every server of a cluster dials its hub itself, and a route carries only what
///   its own server holds, so nothing reaches a server twice.
/// </summary>
internal static class LinkRoles
{
    public static bool MayForward(LinkRole from, LinkRole to) =>
        to == LinkRole.Leaf || from is LinkRole.Local or LinkRole.Leaf;
}
