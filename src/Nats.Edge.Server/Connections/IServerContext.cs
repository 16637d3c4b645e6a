using System.Net;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Routes;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// Everything a session (client, leafnode link or route) may ask of the server it runs in, and
/// nothing more: sessions never see the server itself, so one can run over an in-memory transport
/// with a context made for the test.
/// </summary>
internal interface IServerContext
{
    /// <summary>The options in force; a reload swaps them, so read them when needed, never keep them.</summary>
    ServerOptions Options { get; }

    ServerLog Log { get; }

    /// <summary>This server's public nkey, the <c>server_id</c> of every INFO.</summary>
    string ServerId { get; }

    /// <summary>The configured server name, or the server id when none is set.</summary>
    string ServerName { get; }

    /// <summary>The pool every connection's output buffer draws its chunks from.</summary>
    ChunkPool Chunks { get; }

    ConnectionRegistry Connections { get; }

    AccountRegistry Accounts { get; }

    Authenticator Authenticator { get; }

    /// <summary>The client port's TLS, when configured.</summary>
    ServerTls? Tls { get; }

    /// <summary>The leafnode port's TLS, when configured.</summary>
    ServerTls? LeafTls { get; }

    /// <summary>Where the leafnode port listens; null when there is none.</summary>
    IPEndPoint? LeafEndPoint { get; }

    /// <summary>The leafnode URLs this server and its cluster advertise to leafs.</summary>
    IReadOnlyList<string> LeafnodeUrls { get; }

    /// <summary>How long a client may take to send CONNECT when credentials are required.</summary>
    TimeSpan AuthTimeout { get; }

    /// <summary>How long an accepted leafnode link may take to send its CONNECT.</summary>
    TimeSpan LeafAuthTimeout { get; }

    /// <summary>The cluster this server is part of; null when it runs alone.</summary>
    ClusterManager? Cluster { get; }

    /// <summary>The gateways to other clusters; null when this cluster stands alone.</summary>
    Gateways.GatewayManager? Gateways { get; }

    /// <summary>
    /// Where sessions report what the system account's events tell: logins, closes, leafnode links.
    /// Null where no system account speaks (a context made for a test).
    /// </summary>
    Events.SystemEvents? Events { get; }

    /// <summary>The INFO a client gets, with its own id, address and nonce.</summary>
    ClientInfo ClientInfoFor(ulong clientId, string clientIp, string? nonce);

    /// <summary>Counts a connection cut off as a slow consumer, for monitoring.</summary>
    void CountSlowConsumer();
}
