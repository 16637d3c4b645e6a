namespace Nats.Edge.Server.Connections;

/// <summary>What a connection is to this server, which decides what it may hear from whom.</summary>
internal enum LinkRole
{
    /// <summary>A client (or an in-process client) of this server.</summary>
    Local,

    /// <summary>A leafnode link this server dialled to its hub.</summary>
    Uplink,

    /// <summary>A leaf that dialled this server: this server is its hub.</summary>
    Leaf,

    /// <summary>A route to another server of the same cluster.</summary>
    Route,

    /// <summary>A gateway to a server of another cluster of the super-cluster.</summary>
    Gateway,
}
