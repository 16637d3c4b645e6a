using System.Net;
using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Logging;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;
using Nats.Edge.Server.Security;

namespace Nats.Edge.Tests.Unit.Connections;

/// <summary>A server context made for one test: the options it is given, no listener, no cluster, no TLS.</summary>
internal sealed class TestServerContext : IServerContext
{
    public TestServerContext(ServerOptions options)
    {
        Options = options;
        Accounts = new AccountRegistry(options);
        Authenticator = new Authenticator(options, Accounts);
    }

    public ServerOptions Options { get; }

    public ServerLog Log { get; } = ServerLog.None;

    public string ServerId => "NTESTSERVER";

    public string ServerName => "test";

    public ChunkPool Chunks { get; } = new();

    public ConnectionRegistry Connections { get; } = new();

    public AccountRegistry Accounts { get; }

    public Authenticator Authenticator { get; }

    public ServerTls? Tls => null;

    public ServerTls? LeafTls => null;

    public IPEndPoint? LeafEndPoint => null;

    public IReadOnlyList<string> LeafnodeUrls => [];

    public TimeSpan AuthTimeout => Options.AuthTimeout;

    public TimeSpan LeafAuthTimeout => Options.AuthTimeout;

    public ClusterManager? Cluster => null;

    public Nats.Edge.Server.Gateways.GatewayManager? Gateways => null;

    public Nats.Edge.Server.Events.SystemEvents? Events => null;

    public int SlowConsumers { get; private set; }

    public ClientInfo ClientInfoFor(ulong clientId, string clientIp, string? nonce) => new(
        ServerId, ServerName, "test", Options.Host, Options.Port, !Options.NoHeaderSupport, Authenticator.Required,
        false, false, Options.MaxPayload, clientId, clientIp, nonce, false, null);

    public void CountSlowConsumer() => SlowConsumers++;
}
