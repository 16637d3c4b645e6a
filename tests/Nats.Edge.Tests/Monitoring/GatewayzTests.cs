using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/gatewayz</c> on a server without a gateway: no gateways either way.</summary>
public sealed class GatewayzTests
{
    [ServerTheory]
    public async Task Gatewayz_without_a_gateway_has_empty_gateway_maps(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var gatewayz = await MonitorClient.GetJsonAsync(server, "/gatewayz");

        Assert.Empty(gatewayz.GetProperty("outbound_gateways").EnumerateObject());
        Assert.Empty(gatewayz.GetProperty("inbound_gateways").EnumerateObject());
        Assert.False(gatewayz.TryGetProperty("name", out _));
    }
}
