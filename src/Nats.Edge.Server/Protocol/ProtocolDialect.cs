namespace Nats.Edge.Server.Protocol;

/// <summary>Which op names a connection's reader knows besides the ones all connections share.</summary>
internal enum ProtocolDialect
{
    /// <summary>A client's: PUB, HPUB, SUB, UNSUB.</summary>
    Client,

    /// <summary>A leafnode link's: LS+, LS-, LMSG and HMSG.</summary>
    Leaf,

    /// <summary>A route's: RS+, RS-, RMSG and HMSG.</summary>
    Route,

    /// <summary>A gateway's: a route's ops, and A+ and A- for a whole account's interest.</summary>
    Gateway,
}
