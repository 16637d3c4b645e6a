using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary><c>nats-edge -c devices/profiles/simulated.json</c>, the README's one command, as a real process.</summary>
public sealed class SimulatedProfileProcessTests
{
    [Fact]
    public async Task Simulated_profile_publishes_readings_and_answers_the_relay()
    {
        var profile = RepositoryFiles.Path("devices", "profiles", "simulated.json");
        await using var edge = await EdgeProcess.StartReadyAsync("-c", profile, "-a", "127.0.0.1", "-p", "-1");
        // The client port opens before the bridge starts: wait for its line rather than race it.
        await edge.WaitForLogAsync("Device bridge:");
        await using var client = await TestClients.ConnectAsync(edge);
        await using var readings = await client.SubscribeCoreAsync<string>("devices.pi-sim.>");
        await client.PingAsync();

        var meta = await client.RequestAsync<string, string>("devices.pi-sim.meta", string.Empty);
        var relay = await client.RequestAsync<string, string>("devices.pi-sim.relay.set", "on");

        Assert.Equal(7, JsonDocument.Parse(meta.Data!).RootElement.GetProperty("sensors").GetArrayLength());
        Assert.Equal(1, JsonDocument.Parse(relay.Data!).RootElement.GetProperty("value").GetDouble());
        Assert.Contains("[INF] Device bridge: 7 sensors, 2 actuators on board pi-sim (simulated)", edge.Output, StringComparison.Ordinal);
        var state = await TestClients.NextOnAsync(readings, "devices.pi-sim.relay.state");

        Assert.Equal(1, JsonDocument.Parse(state.Data!).RootElement.GetProperty("value").GetDouble());
    }
}
