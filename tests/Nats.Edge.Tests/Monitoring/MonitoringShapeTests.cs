using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary>
/// Each endpoint of nats-edge and nats-server side by side, after the same setup: every field
/// nats-server shows is there with the same JSON type, and the deterministic values agree.
/// </summary>
public sealed class MonitoringShapeTests
{
    // Fields of nats-server's answers nats-edge does not share, and why:
    // go, gomaxprocs: the Go runtime's version and scheduler threads have no .NET counterpart.
    // cluster.name: a 2.9 server with leafnode remotes names an implicit cluster; nats-edge has no clusters.
    // account_detail.imports: nats-server gives every account service imports from $SYS; nats-edge
    // gives accounts no such imports, and lists only configured ones.
    private static readonly string[] NotShared = ["go", "gomaxprocs", "cluster.name", "account_detail.imports"];

    [ReferenceFact]
    public async Task Varz_has_every_field_nats_server_has()
    {
        var (reference, edge) = await BothAsync("/varz", WithClientAsync);

        JsonShape.AssertCovers(reference, edge, NotShared);
        foreach (var field in new[] { "proto", "max_connections", "ping_interval", "ping_max", "http_host", "http_port", "http_base_path", "https_port",
            "auth_timeout", "max_control_line", "max_payload", "max_pending", "tls_timeout", "write_deadline", "connections", "total_connections",
            "routes", "remotes", "leafnodes", "in_msgs", "out_msgs", "in_bytes", "out_bytes", "slow_consumers", "system_account" })
        {
            Assert.Equal(reference.GetProperty(field).ToString(), edge.GetProperty(field).ToString());
        }
    }

    [ReferenceFact]
    public async Task Varz_leaf_has_every_field_nats_server_has()
    {
        var hubPort = TestPorts.Free();
        await using var reference = await TestServers.StartWithConfigAsync(ServerTarget.Reference, LeafConfig(hubPort));
        await using var edge = await TestServers.StartWithConfigAsync(ServerTarget.Edge, LeafConfig(hubPort));

        var referenceLeaf = (await MonitorClient.GetJsonAsync(reference, "/varz")).GetProperty("leaf");
        var edgeLeaf = (await MonitorClient.GetJsonAsync(edge, "/varz")).GetProperty("leaf");

        JsonShape.AssertCovers(referenceLeaf, edgeLeaf);
        Assert.True(
            JsonElement.DeepEquals(referenceLeaf.GetProperty("remotes"), edgeLeaf.GetProperty("remotes")),
            $"nats-server: {referenceLeaf.GetProperty("remotes")}\nnats-edge: {edgeLeaf.GetProperty("remotes")}");
    }

    [ReferenceFact]
    public async Task Connz_has_every_field_nats_server_has()
    {
        foreach (var query in new[] { "/connz?subs=1", "/connz?subs=detail&auth=1" })
        {
            var (reference, edge) = await BothAsync(query, WithClientAsync);

            JsonShape.AssertCovers(reference, edge, NotShared);
            var (referenceClient, edgeClient) = (reference.GetProperty("connections")[0], edge.GetProperty("connections")[0]);
            foreach (var field in new[] { "kind", "type", "ip", "pending_bytes", "in_msgs", "out_msgs", "in_bytes", "out_bytes", "subscriptions", "name", "lang", "version" })
            {
                Assert.Equal(referenceClient.GetProperty(field).ToString(), edgeClient.GetProperty(field).ToString());
            }
        }
    }

    [ReferenceFact]
    public async Task Subsz_has_every_field_nats_server_has()
    {
        var (reference, edge) = await BothAsync("/subsz?subs=1&test=sensors.temperature", WithClientAsync);

        JsonShape.AssertCovers(reference, edge, NotShared);
        Assert.Equal(Subjects(reference), Subjects(edge));
    }

    [ReferenceFact]
    public async Task Routez_gatewayz_leafz_and_accountz_have_every_field_nats_server_has()
    {
        foreach (var path in new[] { "/routez", "/gatewayz", "/leafz", "/accountz", "/accountz?acc=$G" })
        {
            var (reference, edge) = await BothAsync(path, WithClientAsync);

            JsonShape.AssertCovers(reference, edge, NotShared);
        }
    }

    [ReferenceFact]
    public async Task Leafz_on_either_end_has_every_field_nats_server_has()
    {
        const string Monitored = "\"http_port\": -1";
        await using var referenceHub = await LeafPair.StartAsync(LeafTopology.EdgeLeafToReferenceHub, hubBody: Monitored, leafBody: Monitored);
        await using var edgeHub = await LeafPair.StartAsync(LeafTopology.ReferenceLeafToEdgeHub, hubBody: Monitored, leafBody: Monitored);

        // Hubs side by side, then leafs side by side: each pair puts the other server at the far end.
        JsonShape.AssertCovers(await MonitorClient.GetJsonAsync(referenceHub.Hub, "/leafz?subs=1"), await MonitorClient.GetJsonAsync(edgeHub.Hub, "/leafz?subs=1"));
        JsonShape.AssertCovers(await MonitorClient.GetJsonAsync(edgeHub.Leaf, "/leafz?subs=1"), await MonitorClient.GetJsonAsync(referenceHub.Leaf, "/leafz?subs=1"));
    }

    // Starts both servers with monitoring, runs the same client activity on each, and fetches path.
    private static async Task<(JsonElement Reference, JsonElement Edge)> BothAsync(string path, Func<IRunningServer, Task<NatsConnection>> setup)
    {
        await using var reference = await TestServers.StartAsync(ServerTarget.Reference, TestServers.Monitored);
        await using var edge = await TestServers.StartAsync(ServerTarget.Edge, TestServers.Monitored);
        await using var referenceClient = await setup(reference);
        await using var edgeClient = await setup(edge);
        return (await MonitorClient.GetJsonAsync(reference, path), await MonitorClient.GetJsonAsync(edge, path));
    }

    // A client holding two subscriptions that published three messages to one of them and got them back.
    private static async Task<NatsConnection> WithClientAsync(IRunningServer server)
    {
        var nats = await TestClients.ConnectAsync(server);
        var temperature = await nats.SubscribeCoreAsync<string>("sensors.temperature");
        await nats.SubscribeCoreAsync<string>("sensors.humidity");
        await nats.PingAsync();
        for (var i = 0; i < 3; i++)
        {
            await nats.PublishAsync("sensors.temperature", "21.5C");
        }

        for (var i = 0; i < 3; i++)
        {
            await TestClients.NextAsync(temperature);
        }

        await MonitorClient.WaitForAsync(server, "/varz", json => json.GetProperty("out_msgs").GetInt64() == 3);
        return nats;
    }

    // nats-server shows a remote's local_account once it is set, which an explicit account does at once.
    // The leafnode port is picked by each server (-1): a port chosen here could be taken by a
    // parallel test before the server binds it.
    private static string LeafConfig(int hubPort) => $$"""
        "http_port": -1,
        "leafnodes": {
          "listen": "127.0.0.1:-1",
          "remotes": [ { "url": "nats-leaf://127.0.0.1:{{hubPort}}", "account": "$G", "deny_imports": ["secret.>"], "deny_exports": ["local.>"] } ]
        }
        """;

    private static string?[] Subjects(JsonElement subsz) =>
        [.. subsz.GetProperty("subscriptions_list").EnumerateArray().Select(s => s.GetProperty("subject").GetString())];
}
