using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>nats-edge servers on loopback in one cluster: the first is the seed, the others dial it.</summary>
public sealed class EdgeCluster : IAsyncDisposable
{
    private readonly List<EdgeServer> _servers;

    private EdgeCluster(List<EdgeServer> servers) => _servers = servers;

    public EdgeServer this[int index] => _servers[index];

    public int Count => _servers.Count;

    /// <summary>Starts <paramref name="size"/> servers; all but the seed know only the seed.</summary>
    public static async Task<EdgeCluster> StartAsync(int size, string name = "edge-mesh")
    {
        var servers = new List<EdgeServer>();
        try
        {
            var seed = await StartMemberAsync(name, routes: [], captureLog: true);
            servers.Add(seed);
            for (var i = 1; i < size; i++)
            {
                servers.Add(await StartMemberAsync(name, [new Uri($"nats-route://127.0.0.1:{seed.ClusterPort}")], captureLog: true));
            }

            return new EdgeCluster(servers);
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>One member: loopback, free ports, routes to <paramref name="routes"/>.</summary>
    public static Task<EdgeServer> StartMemberAsync(string name, IReadOnlyList<Uri> routes, bool captureLog = false) =>
        EdgeServer.StartAsync(MemberOptions(name, routes), captureLog);

    /// <summary>A member's options, for either server: cluster <paramref name="name"/> on loopback, route port <paramref name="port"/> (0: a free one).</summary>
    public static ServerOptions MemberOptions(string name, IReadOnlyList<Uri> routes, int port = 0) =>
        TestServers.Defaults with { Cluster = new ClusterOptions { Name = name, Host = "127.0.0.1", Port = port, Routes = routes } };

    /// <summary>Waits until every server has a route to every other one.</summary>
    public Task WaitForMeshAsync() =>
        Poll.UntilAsync(
            () => _servers.TrueForAll(server => server.RouteCount == _servers.Count - 1),
            () => string.Join("\n---\n", _servers.ConvertAll(server => $"routes={server.RouteCount}\n{server.Log}")));

    /// <summary>Waits until <paramref name="server"/> has heard of <paramref name="expected"/> route interests in the subject.</summary>
    public static Task WaitForRouteInterestAsync(EdgeServer server, string subject, int expected) =>
        Poll.UntilAsync(() => server.RouteInterest(subject) == expected, () => $"route interest in {subject}: {server.RouteInterest(subject)}\n{server.Log}");

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
