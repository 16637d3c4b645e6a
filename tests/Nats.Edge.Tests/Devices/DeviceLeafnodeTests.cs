using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Devices.Actuators;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary>A simulated board on a nats-edge leaf, seen from Debian's nats-server as the hub.</summary>
public sealed class DeviceLeafnodeTests
{
    private static readonly DeviceBridgeOptions Options = new()
    {
        Board = "pi-kitchen",
        Model = BoardModel.Simulated,
        Sensors = [new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "bme280", Address = 0x76, Interval = TimeSpan.FromMilliseconds(100) }],
        Actuators = [new ActuatorOptions { Type = ActuatorKinds.Named("output"), Name = "relay", Pin = 17 }],
    };

    [Fact]
    public async Task Readings_reach_a_nats_server_hub_subscriber()
    {
        await using var pair = await LeafPair.StartAsync(LeafTopology.EdgeLeafToReferenceHub);
        await using var hub = await pair.ConnectHubAsync();
        await using var readings = await hub.SubscribeCoreAsync<string>("devices.pi-kitchen.>");
        await hub.PingAsync();
        using var board = new SimulatedBoard(Options);
        await using var bridge = DeviceBridge.Start(((EdgeServer)pair.Leaf).Server, Options, board);

        var reading = JsonDocument.Parse((await TestClients.NextOnAsync(readings, "devices.pi-kitchen.bme280.temperature")).Data!).RootElement;

        Assert.Equal(25.08, reading.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Set_request_from_the_hub_drives_the_board_pin()
    {
        await using var pair = await LeafPair.StartAsync(LeafTopology.EdgeLeafToReferenceHub);
        await using var hub = await pair.ConnectHubAsync();
        using var board = new SimulatedBoard(Options);
        await using var bridge = DeviceBridge.Start(((EdgeServer)pair.Leaf).Server, Options, board);

        // The bridge's interest in ….set crosses the link like a local client's subscription.
        NatsMsg<string> reply = default;
        await Poll.UntilAsync(async () =>
        {
            try
            {
                reply = await hub.RequestAsync<string, string>("devices.pi-kitchen.relay.set", "on",
                    replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromMilliseconds(200) });
                return reply.Data is not null;
            }
            catch (NatsNoRespondersException)
            {
                return false;
            }
            catch (NatsNoReplyException)
            {
                return false;
            }
        });

        Assert.Equal(1, JsonDocument.Parse(reply.Data!).RootElement.GetProperty("value").GetDouble());
        Assert.Equal(System.Device.Gpio.PinValue.High, board.Pins.Output(17));
    }

}
