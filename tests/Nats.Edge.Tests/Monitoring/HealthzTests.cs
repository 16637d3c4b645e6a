using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/healthz</c>: the liveness probe load balancers and systemd watchdogs poll.</summary>
public sealed class HealthzTests
{
    [ServerTheory]
    public async Task Healthz_answers_status_ok_on_one_line(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/healthz");

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
    }
}
