using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Bridge;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Sensors;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary>The system account's events, heard by a NATS.Net subscriber as a fleet tool hears them.</summary>
public sealed class SystemEventTests
{
    [ServerTheory]
    public async Task A_client_logging_in_and_leaving_is_announced_in_its_account(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var events = await system.SubscribeCoreAsync<string>("$SYS.ACCOUNT.APP.*");
        await system.PingAsync();

        var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        var connect = Json(await TestClients.NextOnAsync(events, "$SYS.ACCOUNT.APP.CONNECT"));
        await app.PublishAsync("line.speed", "12");
        await app.PingAsync();
        await app.DisposeAsync();
        var disconnect = Json(await TestClients.NextOnAsync(events, "$SYS.ACCOUNT.APP.DISCONNECT"));

        Assert.Equal("io.nats.server.advisory.v1.client_connect", connect.GetProperty("type").GetString());
        var client = connect.GetProperty("client");
        Assert.Equal(("APP", "app", "nats-edge-tests", "Client", "nats"), (
            client.GetProperty("acc").GetString(), client.GetProperty("user").GetString(), client.GetProperty("name").GetString(),
            client.GetProperty("kind").GetString(), client.GetProperty("client_type").GetString()));
        Assert.Equal("io.nats.server.advisory.v1.client_disconnect", disconnect.GetProperty("type").GetString());
        Assert.Equal(client.GetProperty("id").GetUInt64(), disconnect.GetProperty("client").GetProperty("id").GetUInt64());
        Assert.Equal("Client Closed", disconnect.GetProperty("reason").GetString());
        Assert.Equal(1, disconnect.GetProperty("sent").GetProperty("msgs").GetInt64());
        Assert.True(disconnect.GetProperty("client").TryGetProperty("stop", out _));
    }

    [ServerTheory]
    public async Task Each_connect_and_the_disconnect_follow_a_count_a_repeated_connect_too(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var events = await system.SubscribeCoreAsync<string>("$SYS.ACCOUNT.APP.>");
        await system.PingAsync();

        await using (var raw = await RawClient.ConnectAsync(server.Port))
        {
            await raw.ReadLineAsync();
            const string Connect = "CONNECT {\"verbose\":false,\"user\":\"app\",\"pass\":\"app\"}\r\n";
            await raw.SendAsync(Connect + Connect);
            await raw.PingPongAsync();
        }

        // Everything up to the DISCONNECT, in order, counts in a row taken as one: nats-server counts
        // twice around a repeated CONNECT, as it takes the client out of its account and back in.
        var seen = new List<string>();
        while (seen.LastOrDefault() != "DISCONNECT")
        {
            var subject = (await TestClients.NextAsync(events)).Subject["$SYS.ACCOUNT.APP.".Length..];
            if (subject != "SERVER.CONNS" || seen.LastOrDefault() != subject)
            {
                seen.Add(subject);
            }
        }

        Assert.Equal(["SERVER.CONNS", "CONNECT", "SERVER.CONNS", "CONNECT", "SERVER.CONNS", "DISCONNECT"], seen);
    }

    [ServerTheory]
    public async Task The_accounts_connection_count_is_published_on_each_change(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var counts = await system.SubscribeCoreAsync<string>("$SYS.ACCOUNT.APP.SERVER.CONNS");
        await system.PingAsync();

        var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        var afterConnect = Json(await TestClients.NextAsync(counts));
        await app.DisposeAsync();
        var afterClose = Json(await TestClients.NextAsync(counts));

        Assert.Equal(("APP", 1, 1), (afterConnect.GetProperty("acc").GetString(), afterConnect.GetProperty("conns").GetInt32(), afterConnect.GetProperty("total_conns").GetInt32()));
        Assert.Equal(0, afterClose.GetProperty("conns").GetInt32());
    }

    [ServerTheory]
    public async Task A_leafnode_link_is_announced_in_its_account_when_the_server_has_gateways(ServerTarget target)
    {
        var leafPort = TestPorts.Free();
        // nats-server asks for system_account to be named when both leafnodes and gateways are set.
        await using var server = await SystemAccount.StartAsync(target, $$"""
            "system_account": "$SYS",
            "gateway": { "name": "plant", "host": "127.0.0.1", "port": {{TestPorts.Free()}} },
            "leafnodes": { "host": "127.0.0.1", "port": {{leafPort}} }
            """);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var events = await system.SubscribeCoreAsync<string>("$SYS.ACCOUNT.APP.LEAFNODE.CONNECT");
        await system.PingAsync();

        // A board logs in as the APP user, so its link lands in APP.
        await using var board = await TestServers.StartWithConfigAsync(ServerTarget.Edge, $$"""
            "leafnodes": { "remotes": [ { "url": "nats-leaf://app:app@127.0.0.1:{{leafPort}}" } ] }
            """);

        var announced = Json(await TestClients.NextOnAsync(events, "$SYS.ACCOUNT.APP.LEAFNODE.CONNECT"));
        Assert.Equal("APP", announced.GetProperty("acc").GetString());
        Assert.Equal("plant-1", announced.GetProperty("server").GetProperty("name").GetString());
    }

    [ServerTheory]
    public async Task Statsz_is_published_within_moments_of_the_start(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var statsz = await system.SubscribeCoreAsync<string>("$SYS.SERVER.*.STATSZ");

        var message = await TestClients.NextAsync(statsz);

        var json = Json(message);
        Assert.Equal($"$SYS.SERVER.{json.GetProperty("server").GetProperty("id").GetString()}.STATSZ", message.Subject);
        Assert.True(json.GetProperty("statsz").GetProperty("connections").GetInt32() >= 1);
    }

    [ReferenceFact]
    public async Task Connect_disconnect_and_count_events_have_every_field_nats_servers_have()
    {
        await using var reference = await SystemAccount.StartAsync(ServerTarget.Reference);
        await using var edge = await SystemAccount.StartAsync(ServerTarget.Edge);
        var referenceEvents = await EventsOfOneClientAsync(reference);
        var edgeEvents = await EventsOfOneClientAsync(edge);

        foreach (var subject in referenceEvents.Keys)
        {
            JsonShape.AssertCovers(referenceEvents[subject], edgeEvents[subject]);
        }
    }

    [ServerTheory]
    public async Task Shutdown_is_announced_before_the_connections_close(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var shutdown = await system.SubscribeCoreAsync<string>("$SYS.SERVER.*.SHUTDOWN");
        await system.PingAsync();

        // nats-server shuts down on SIGTERM; the in-process nats-edge as its host does on that signal.
        if (server is IServerProcess process)
        {
            process.Signal(15);
        }
        else
        {
            await server.DisposeAsync();
        }

        var message = await TestClients.NextAsync(shutdown);
        var json = Json(message);
        Assert.Equal($"$SYS.SERVER.{json.GetProperty("id").GetString()}.SHUTDOWN", message.Subject);
        Assert.Equal("plant-1", json.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Lame_duck_mode_is_announced_as_nats_server_2_10_does()
    {
        await using var server = (EdgeServer)await SystemAccount.StartAsync(ServerTarget.Edge, """ "lame_duck_grace_period": "10s", """);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var lameDuck = await system.SubscribeCoreAsync<string>("$SYS.SERVER.*.LAMEDUCK");
        await system.PingAsync();

        _ = server.Server.EnterLameDuckModeAsync();

        var json = Json(await TestClients.NextAsync(lameDuck));
        Assert.Equal(server.Server.ServerId, json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Idz_lists_the_boards_devices()
    {
        var options = new DeviceBridgeOptions
        {
            Board = "pi-kitchen",
            Model = BoardModel.Simulated,
            Sensors = [new SensorOptions { Type = SensorKinds.Named("bme280"), Name = "bme280", Address = 0x76, Interval = TimeSpan.FromSeconds(1) }],
        };
        await using var server = (EdgeServer)await SystemAccount.StartAsync(ServerTarget.Edge);
        using var board = new SimulatedBoard(options);
        await using var bridge = DeviceBridge.Start(server.Server, options, board);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);

        var idz = await SystemAccount.RequestAsync(system, $"$SYS.REQ.SERVER.{server.Server.ServerId}.IDZ");

        Assert.Equal(server.Server.ServerId, idz.GetProperty("id").GetString());
        var devices = idz.GetProperty("devices");
        Assert.Equal("pi-kitchen", devices.GetProperty("board").GetString());
        Assert.Equal("bme280", devices.GetProperty("sensors")[0].GetProperty("name").GetString());
    }

    // The first CONNECT, count and DISCONNECT events one application client causes, by subject;
    // the count comes before CONNECT, and around DISCONNECT the servers' orders differ.
    private static async Task<Dictionary<string, JsonElement>> EventsOfOneClientAsync(IRunningServer server)
    {
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var events = await system.SubscribeCoreAsync<string>("$SYS.ACCOUNT.APP.>");
        await system.PingAsync();
        var found = new Dictionary<string, JsonElement>();
        var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        await CollectUntilAsync(events, found, "$SYS.ACCOUNT.APP.CONNECT");
        await app.DisposeAsync();
        await CollectUntilAsync(events, found, "$SYS.ACCOUNT.APP.DISCONNECT");
        Assert.Contains("$SYS.ACCOUNT.APP.SERVER.CONNS", found.Keys);
        return found;
    }

    private static async Task CollectUntilAsync(INatsSub<string> events, Dictionary<string, JsonElement> found, string subject)
    {
        while (!found.ContainsKey(subject))
        {
            var message = await TestClients.NextAsync(events);
            found.TryAdd(message.Subject, Json(message));
        }
    }

    private static JsonElement Json(NatsMsg<string> message) => JsonDocument.Parse(message.Data!).RootElement.Clone();
}
