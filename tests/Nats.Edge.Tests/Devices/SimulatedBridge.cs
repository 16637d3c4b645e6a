using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Devices;

/// <summary>
/// A server with the device bridge on a simulated board, and a NATS.Net client that subscribed to
/// <c>devices.&gt;</c> before the bridge started, so it sees everything from the inventory on.
/// </summary>
public sealed class SimulatedBridge : IAsyncDisposable
{
    private SimulatedBridge(EdgeServer server, NatsConnection client, INatsSub<string> readings, DeviceBridge bridge, SimulatedBoard board)
    {
        Server = server;
        Client = client;
        Readings = readings;
        Bridge = bridge;
        Board = board;
    }

    public EdgeServer Server { get; }

    public NatsConnection Client { get; }

    /// <summary>Everything published under <c>devices.&gt;</c>.</summary>
    public INatsSub<string> Readings { get; }

    public DeviceBridge Bridge { get; }

    internal SimulatedBoard Board { get; }

    internal static async Task<SimulatedBridge> StartAsync(DeviceBridgeOptions options)
    {
        var server = await EdgeServer.StartAsync(TestServers.Defaults, captureLog: true);
        var client = await TestClients.ConnectAsync(server);
        var readings = await client.SubscribeCoreAsync<string>("devices.>");
        await client.PingAsync();
        var board = new SimulatedBoard(options);
        var bridge = DeviceBridge.Start(server.Server, options, board);
        return new SimulatedBridge(server, client, readings, bridge, board);
    }

    /// <summary>The next message on <paramref name="subject"/>, skipping others, as JSON; fails after 10 s with the server log.</summary>
    public async Task<JsonElement> NextAsync(string subject, Func<JsonElement, bool>? where = null)
    {
        var message = await TestClients.NextOnAsync(
            Readings, subject, candidate => where is null || where(Json(candidate)), () => $"server log:\n{Server.Log}");
        return Json(message);
    }

    private static JsonElement Json(NatsMsg<string> message) => JsonDocument.Parse(message.Data!).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        await Bridge.DisposeAsync();
        await Readings.DisposeAsync();
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
