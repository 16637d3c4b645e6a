using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/routez</c>: no routes without a cluster; in a cluster, one entry per route shaped as nats-server's.</summary>
public sealed class RoutezTests
{
    [ServerTheory]
    public async Task Routez_without_a_cluster_has_no_routes(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var routez = await MonitorClient.GetJsonAsync(server, "/routez?subs=1");

        Assert.Equal(0, routez.GetProperty("num_routes").GetInt32());
        Assert.Equal(0, routez.GetProperty("routes").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(routez.GetProperty("server_id").GetString()));
    }

    [ReferenceFact]
    public async Task Routez_in_a_mixed_cluster_shows_the_route_with_nats_server_fields()
    {
        var cluster = new Nats.Edge.Server.Configuration.ClusterOptions { Name = "watched", Host = "127.0.0.1", Port = 0 };
        await using var edge = await EdgeServer.StartAsync(TestServers.Monitored with { Cluster = cluster });
        await using var reference = await ReferenceServer.StartAsync(TestServers.Monitored with
        {
            Cluster = cluster with { Routes = [new Uri($"nats-route://127.0.0.1:{edge.ClusterPort}")] },
        });
        await using var client = await TestClients.ConnectAsync(edge);
        await using var subscription = await client.SubscribeCoreAsync<string>("watched.subject");
        await client.PingAsync();

        // The client's reply-inbox subscription can cross the route first, so wait for the named subject itself.
        var fromReference = await MonitorClient.WaitForAsync(
            reference, "/routez?subs=1", routez => routez.GetProperty("num_routes").GetInt32() == 1
                && RouteSubjects(routez).Contains("watched.subject"));
        var fromEdge = await MonitorClient.WaitForAsync(edge, "/routez?subs=1", routez => routez.GetProperty("num_routes").GetInt32() == 1);

        JsonShape.AssertCovers(fromReference, fromEdge);
        var route = fromEdge.GetProperty("routes")[0];
        Assert.True(route.GetProperty("did_solicit").GetBoolean() is false);
        Assert.Equal(fromReference.GetProperty("server_id").GetString(), route.GetProperty("remote_id").GetString());
    }

    private static List<string?> RouteSubjects(System.Text.Json.JsonElement routez) =>
        routez.GetProperty("routes")[0].TryGetProperty("subscriptions_list", out var list)
            ? list.EnumerateArray().Select(subject => subject.GetString()).ToList()
            : [];
}
