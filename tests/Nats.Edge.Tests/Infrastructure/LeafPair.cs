using System.Diagnostics;
using System.Globalization;
using NATS.Client.Core;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// A hub with a leafnode port and a leaf dialling it, both from JSON config files in nats-server's
/// keys, started in <see cref="LeafTopology"/>'s roles. Starting waits until messages cross both ways.
/// </summary>
public sealed class LeafPair : IAsyncDisposable
{
    private static int s_boards;

    private readonly string _hubConfig;

    private LeafPair(LeafTopology topology, IRunningServer hub, IRunningServer leaf, int leafPort, string hubConfig)
    {
        _hubConfig = hubConfig;
        Topology = topology;
        Hub = hub;
        Leaf = leaf;
        LeafPort = leafPort;
    }

    public LeafTopology Topology { get; }

    public IRunningServer Hub { get; private set; }

    public IRunningServer Leaf { get; }

    /// <summary>The hub's leafnode port.</summary>
    public int LeafPort { get; }

    public static ServerTarget HubTarget(LeafTopology topology) =>
        topology == LeafTopology.EdgeLeafToReferenceHub ? ServerTarget.Reference : ServerTarget.Edge;

    public static ServerTarget LeafTarget(LeafTopology topology) =>
        topology == LeafTopology.ReferenceLeafToEdgeHub ? ServerTarget.Reference : ServerTarget.Edge;

    /// <summary>
    /// Starts the pair. <paramref name="remote"/> adds members to the leaf's remote (deny lists,
    /// credentials, TLS); <paramref name="hubLeafnodes"/> adds members to the hub's leafnodes block
    /// (authorization, TLS); <paramref name="hubBody"/> adds top-level hub settings (accounts,
    /// operator mode); <paramref name="userInfo"/> (<c>user:pass@</c>) goes into the leaf's URL;
    /// <paramref name="leafBody"/> adds top-level leaf settings (monitoring); with <paramref name="webSocket"/>
    /// the hub also has that websocket port and the leaf dials it (<c>ws://</c>, or <c>wss://</c> when
    /// <paramref name="secure"/>) instead of the leafnode port.
    /// </summary>
    public static async Task<LeafPair> StartAsync(
        LeafTopology topology, string remote = "", string hubBody = "", string userInfo = "", bool waitForLink = true, string hubLeafnodes = "",
        string leafBody = "", WebSocketPort? webSocket = null, bool secure = false)
    {
        var leafPort = TestPorts.Free();
        var hubConfig = HubConfig(leafPort, webSocket is null ? hubBody : string.Join(",\n", new[] { webSocket.Block, hubBody }.Where(static part => part.Length > 0)), hubLeafnodes);
        var url = webSocket is null
            ? $"nats-leaf://{userInfo}127.0.0.1:{leafPort}"
            : $"{(secure ? "wss" : "ws")}://{userInfo}127.0.0.1:{webSocket.Port}";

        // A client port of its own, not one the kernel picks: RestartHubAsync takes it again once
        // the hub has let it go, and no other server may have taken it meanwhile.
        var hub = await TestServers.StartWithConfigAsync(HubTarget(topology), hubConfig, captureLog: true, port: TestPorts.Free());
        try
        {
            var board = Interlocked.Increment(ref s_boards).ToString(CultureInfo.InvariantCulture);
            var leaf = await TestServers.StartWithConfigAsync(LeafTarget(topology), $$"""
                "server_name": "board-{{board}}",
                "leafnodes": { "reconnect": 1, "remotes": [ { "url": "{{url}}" {{remote}} } ] }{{(leafBody.Length > 0 ? ",\n" + leafBody : string.Empty)}}
                """, captureLog: true);
            var pair = new LeafPair(topology, hub, leaf, leafPort, hubConfig);
            if (waitForLink)
            {
                await pair.WaitForLinkAsync();
            }

            return pair;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the hub (its process, or the in-process server).</summary>
    public ValueTask StopHubAsync() => Hub.DisposeAsync();

    /// <summary>Starts the hub again on the same ports with the same config.</summary>
    public async Task RestartHubAsync()
    {
        Hub = await TestServers.StartWithConfigAsync(HubTarget(Topology), _hubConfig, captureLog: true, port: Hub.Port);
    }

    /// <summary>Connects a NATS.Net client to the hub or to the leaf.</summary>
    public Task<NatsConnection> ConnectHubAsync(NatsAuthOpts? auth = null) => TestClients.ConnectAsync(Hub, auth);

    public Task<NatsConnection> ConnectLeafAsync() => TestClients.ConnectAsync(Leaf);

    /// <summary>
    /// Publishes on one side until a subscriber on the other gets it, both ways: interest has crossed
    /// and the link carries messages. Polls with a deadline rather than sleeping.
    /// </summary>
    public async Task WaitForLinkAsync()
    {
        await using var hub = await ConnectHubAsync();
        await using var leaf = await ConnectLeafAsync();
        await CrossAsync(from: leaf, to: hub);
        await CrossAsync(from: hub, to: leaf);
    }

    /// <summary><see cref="WaitForCrossingAsync"/>, failing with both servers' logs.</summary>
    public async Task CrossAsync(NatsConnection from, NatsConnection to)
    {
        try
        {
            await WaitForCrossingAsync(from, to);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n--- hub log ---\n{Hub.Log}\n--- leaf log ---\n{Leaf.Log}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Leaf.DisposeAsync();
        await Hub.DisposeAsync();
    }

    /// <summary>
    /// Publishes on <paramref name="from"/> until a subscriber on <paramref name="to"/> receives, on
    /// subjects <paramref name="prefix"/>.&lt;unique&gt; (a prefix the link's allow lists let through).
    /// </summary>
    public static async Task WaitForCrossingAsync(NatsConnection from, NatsConnection to, string prefix = "link-check")
    {
        await using var probe = await SubscribeAcrossAsync(from, to, subject: null, prefix);
    }

    /// <summary>
    /// Subscribes <paramref name="to"/> to <paramref name="subject"/> (or, when null, to each probe's
    /// own subject) and returns the subscription once a probe from <paramref name="from"/>, on
    /// <paramref name="prefix"/>.&lt;unique&gt; (a prefix the link's allow lists let through), has
    /// reached it. Later probes may still arrive on it, ahead of anything published after this returns.
    /// </summary>
    public static async Task<INatsSub<string>> SubscribeAcrossAsync(NatsConnection from, NatsConnection to, string? subject, string prefix)
    {
        // A board's redial waits double after each failed dial (1, 2, 4, 8 s…); on a loaded two-core
        // machine a couple of early failures push the next dial past 15 s.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        do
        {
            // A fresh subscription each second: nats-server 2.9.10 can miss one made while a leaf
            // is connecting (its updateSmap returns while the link's subject map is still unset),
            // and then never announces it over that link.
            var probe = prefix + "." + Guid.NewGuid().ToString("N");
            var subscription = await to.SubscribeCoreAsync<string>(subject ?? probe);
            await to.PingAsync();
            if (await ReachesAsync(from, subscription, probe, TimeSpan.FromSeconds(1)))
            {
                return subscription;
            }

            await subscription.DisposeAsync();
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"no message crossed on {prefix} subjects within 30 s");
        throw new UnreachableException();
    }

    /// <summary>
    /// Publishes "warmup" on <paramref name="probe"/> from <paramref name="from"/> until
    /// <paramref name="witness"/> receives it; false when it has not arrived <paramref name="within"/>.
    /// </summary>
    public static async Task<bool> ReachesAsync(NatsConnection from, INatsSub<string> witness, string probe, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            await from.PublishAsync(probe, "warmup");
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                while (true)
                {
                    var message = await witness.Msgs.ReadAsync(wait.Token);
                    if (message.Subject == probe)
                    {
                        return true;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        return false;
    }

    // nats-server's config reader wants a separating comma at the end of a line, not at the start of the next.
    private static string HubConfig(int leafPort, string hubBody, string hubLeafnodes) =>
        $"\"leafnodes\": {{ \"listen\": \"127.0.0.1:{leafPort}\" {hubLeafnodes.Trim()} }}{(hubBody.Length > 0 ? ",\n" + hubBody : string.Empty)}";

}
