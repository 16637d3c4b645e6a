using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/routez</c> on a server without a cluster: no routes.</summary>
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
}
