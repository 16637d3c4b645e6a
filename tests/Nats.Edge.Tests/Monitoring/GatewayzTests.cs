using System.Text.Json;
using Nats.Edge.Tests.Gateways;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary>
/// <c>/gatewayz</c>: this cluster's gateway, the outbound it dialled to each other cluster and the
/// inbounds those clusters' servers dialled, with each account's interest mode on <c>accs=1</c>.
/// </summary>
public sealed class GatewayzTests
{
    private const string Monitored = "\"http_port\": -1";

    // nats-edge on A, facing either server on B; the reference pair is in Gatewayz_has_every_field_nats_server_has.
    public static TheoryData<ServerTarget> FarSides => new() { ServerTarget.Edge, ServerTarget.Reference };

    [ServerTheory]
    public async Task Gatewayz_without_a_gateway_has_empty_gateway_maps(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        var gatewayz = await MonitorClient.GetJsonAsync(server, "/gatewayz");

        Assert.Empty(gatewayz.GetProperty("outbound_gateways").EnumerateObject());
        Assert.Empty(gatewayz.GetProperty("inbound_gateways").EnumerateObject());
        Assert.False(gatewayz.TryGetProperty("name", out _));
    }

    [ReferenceTheory]
    [MemberData(nameof(FarSides))]
    public async Task Gatewayz_lists_the_configured_outbound_and_the_inbound_from_the_other_cluster(ServerTarget farSide)
    {
        await using var pair = await GatewayPair.StartAsync(ServerTarget.Edge, farSide, Monitored);
        var farId = (await MonitorClient.GetJsonAsync(pair.B, "/varz")).GetProperty("server_id").GetString();

        var gatewayz = await WaitForBothWaysAsync(pair.A, "/gatewayz");

        Assert.Equal("A", gatewayz.GetProperty("name").GetString());
        Assert.Equal(pair.PortA, gatewayz.GetProperty("port").GetInt32());
        var outbound = gatewayz.GetProperty("outbound_gateways").GetProperty("B");
        Assert.True(outbound.GetProperty("configured").GetBoolean());
        Assert.Equal("Gateway", outbound.GetProperty("connection").GetProperty("kind").GetString());
        Assert.Equal(pair.PortB, outbound.GetProperty("connection").GetProperty("port").GetInt32());
        Assert.Equal(farId, outbound.GetProperty("connection").GetProperty("name").GetString());
        Assert.False(outbound.TryGetProperty("accounts", out _));
        var inbound = Assert.Single(gatewayz.GetProperty("inbound_gateways").GetProperty("B").EnumerateArray());
        Assert.False(inbound.GetProperty("configured").GetBoolean());
        Assert.Equal(farId, inbound.GetProperty("connection").GetProperty("name").GetString());
    }

    [ReferenceTheory]
    [MemberData(nameof(FarSides))]
    public async Task Gatewayz_with_accs_counts_the_far_clusters_subscriptions_and_queue_subscriptions_per_account(ServerTarget farSide)
    {
        await using var pair = await GatewayPair.StartAsync(ServerTarget.Edge, farSide, Monitored);
        await using var onB = await WithQueueWorkerAsync(pair.B);

        // Each part arrives on its own: the far side's interest on the outbound, its own gateway back as an inbound.
        var gatewayz = await WaitForAsync(pair.A, "/gatewayz?accs=1", json =>
            GlobalAccount(json) is { } account && NumSubs(account) == 2 && account.TryGetProperty("num_queue_subs", out _)
            && json.GetProperty("inbound_gateways").TryGetProperty("B", out var inbounds) && inbounds.GetArrayLength() > 0
            && inbounds[0].TryGetProperty("accounts", out _));

        var global = GlobalAccount(gatewayz)!.Value;
        Assert.Equal("Interest-Only", global.GetProperty("interest_mode").GetString());
        Assert.Equal(1000, global.GetProperty("interest_only_threshold").GetInt32());
        Assert.Equal(1, global.GetProperty("num_queue_subs").GetInt32());
        Assert.False(global.TryGetProperty("no_interest_count", out _));
        var inbound = gatewayz.GetProperty("inbound_gateways").GetProperty("B")[0];
        Assert.Contains("$G", inbound.GetProperty("accounts").EnumerateArray().Select(account => account.GetProperty("name").GetString()));
    }

    [ReferenceFact]
    public async Task Gatewayz_acc_name_lists_only_that_account_and_implies_accs()
    {
        await using var pair = await GatewayPair.StartAsync(ServerTarget.Edge, ServerTarget.Reference, Monitored);
        await WaitForBothWaysAsync(pair.A, "/gatewayz");

        var gatewayz = await MonitorClient.GetJsonAsync(pair.A, "/gatewayz?acc_name=$G");

        var outbound = Assert.Single(gatewayz.GetProperty("outbound_gateways").GetProperty("B").GetProperty("accounts").EnumerateArray());
        Assert.Equal("$G", outbound.GetProperty("name").GetString());
        var inbound = Assert.Single(gatewayz.GetProperty("inbound_gateways").GetProperty("B")[0].GetProperty("accounts").EnumerateArray());
        Assert.Equal("$G", inbound.GetProperty("name").GetString());
    }

    [ReferenceTheory]
    [MemberData(nameof(ReferenceAndEdge))]
    public async Task Gatewayz_gw_name_of_an_unknown_cluster_has_null_outbounds_and_no_inbounds(ServerTarget target)
    {
        await using var pair = await GatewayPair.StartAsync(target, ServerTarget.Reference, Monitored);
        await WaitForBothWaysAsync(pair.A, "/gatewayz");

        var other = await MonitorClient.GetJsonAsync(pair.A, "/gatewayz?gw_name=C");
        var known = await MonitorClient.GetJsonAsync(pair.A, "/gatewayz?gw_name=B");

        Assert.Equal(JsonValueKind.Null, other.GetProperty("outbound_gateways").ValueKind);
        Assert.Empty(other.GetProperty("inbound_gateways").EnumerateObject());
        Assert.Equal(["B"], known.GetProperty("outbound_gateways").EnumerateObject().Select(gateway => gateway.Name));
    }

    [ReferenceFact]
    public async Task Gatewayz_accs_that_is_not_a_boolean_is_a_bad_request()
    {
        await using var pair = await GatewayPair.StartAsync(ServerTarget.Edge, ServerTarget.Reference, Monitored);

        using var response = await MonitorClient.GetAsync(pair.A, "/gatewayz?accs=maybe");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>
    /// nats-server and nats-edge as A, each facing a nats-server B with the same client on it: the
    /// same fields in the same order at every level, and the same values where they do not depend on
    /// ports, ids, times or traffic.
    /// </summary>
    [ReferenceFact]
    public async Task Gatewayz_has_every_field_nats_server_has()
    {
        await using var referencePair = await GatewayPair.StartAsync(ServerTarget.Reference, ServerTarget.Reference, Monitored);
        await using var edgePair = await GatewayPair.StartAsync(ServerTarget.Edge, ServerTarget.Reference, Monitored);
        await using var onReferenceB = await WithQueueWorkerAsync(referencePair.B);
        await using var onEdgeB = await WithQueueWorkerAsync(edgePair.B);

        foreach (var query in new[] { "/gatewayz", "/gatewayz?accs=1" })
        {
            var reference = await WhenWorkerKnownAsync(referencePair.A, query);
            var edge = await WhenWorkerKnownAsync(edgePair.A, query);

            JsonShape.AssertCovers(reference, edge);
            Assert.Equal(Names(reference), Names(edge));
            Assert.Equal(reference.GetProperty("name").GetString(), edge.GetProperty("name").GetString());
            Assert.Equal(reference.GetProperty("host").GetString(), edge.GetProperty("host").GetString());
            var (referenceOut, edgeOut) = (reference.GetProperty("outbound_gateways").GetProperty("B"), edge.GetProperty("outbound_gateways").GetProperty("B"));
            var (referenceIn, edgeIn) = (reference.GetProperty("inbound_gateways").GetProperty("B")[0], edge.GetProperty("inbound_gateways").GetProperty("B")[0]);
            foreach (var (referenceLink, edgeLink) in new[] { (referenceOut, edgeOut), (referenceIn, edgeIn) })
            {
                Assert.Equal(Names(referenceLink), Names(edgeLink));
                Assert.Equal(Names(referenceLink.GetProperty("connection")), Names(edgeLink.GetProperty("connection")));
                foreach (var field in new[] { "configured" })
                {
                    Assert.Equal(referenceLink.GetProperty(field).ToString(), edgeLink.GetProperty(field).ToString());
                }

                foreach (var field in new[] { "kind", "ip", "pending_bytes", "subscriptions" })
                {
                    Assert.Equal(referenceLink.GetProperty("connection").GetProperty(field).ToString(), edgeLink.GetProperty("connection").GetProperty(field).ToString());
                }

                if (referenceLink.TryGetProperty("accounts", out var referenceAccounts))
                {
                    // Accounts come in Go's map order from nats-server; compared by name, every field and value.
                    Assert.Equal(ByName(referenceAccounts), ByName(edgeLink.GetProperty("accounts")));
                }
            }
        }
    }

    [ReferenceFact]
    public async Task Varz_gateway_block_matches_nats_server()
    {
        // Ports nothing listens on: the remotes stay down, and their URLs stay the configured ones
        // (one each: nats-server keeps a remote's URLs in a map, in no order).
        var config = $$"""
            "http_port": -1,
            "gateway": { "name": "C", "host": "127.0.0.1", "port": -1, "advertise": "10.1.2.3:7999", "connect_retries": 3,
              "reject_unknown_cluster": true, "authorization": { "user": "gw", "password": "secret", "timeout": 3 },
              "gateways": [ { "name": "C", "urls": [ "nats://u:p@127.0.0.1:{{TestPorts.Free()}}" ] },
                            { "name": "D", "urls": [ "nats://u:p@127.0.0.1:{{TestPorts.Free()}}" ] } ] }
            """;
        await using var reference = await TestServers.StartWithConfigAsync(ServerTarget.Reference, config);
        await using var edge = await TestServers.StartWithConfigAsync(ServerTarget.Edge, config);

        var referenceVarz = await MonitorClient.GetJsonAsync(reference, "/varz");
        var edgeVarz = await MonitorClient.GetJsonAsync(edge, "/varz");

        // cluster.name: nats-server names the cluster after the gateway; nats-edge's /varz has no cluster block yet.
        JsonShape.AssertCovers(referenceVarz, edgeVarz, "go", "gomaxprocs", "cluster.name");
        var (referenceGateway, edgeGateway) = (referenceVarz.GetProperty("gateway"), edgeVarz.GetProperty("gateway"));
        Assert.Equal(Names(referenceGateway), Names(edgeGateway));
        foreach (var gateway in new[] { referenceGateway, edgeGateway })
        {
            Assert.True(gateway.GetProperty("port").GetInt32() > 0);
        }

        Assert.Equal(WithoutPort(referenceGateway), WithoutPort(edgeGateway));
    }

    [ReferenceTheory]
    [MemberData(nameof(ReferenceAndEdge))]
    public async Task Varz_gateway_lists_the_remote_clusters_urls(ServerTarget target)
    {
        await using var pair = await GatewayPair.StartAsync(target, ServerTarget.Reference, Monitored);

        var gateway = (await MonitorClient.GetJsonAsync(pair.A, "/varz")).GetProperty("gateway");

        var remote = Assert.Single(gateway.GetProperty("gateways").EnumerateArray());
        Assert.Equal(["name", "urls"], Names(remote));
        Assert.Equal("B", remote.GetProperty("name").GetString());
        Assert.Equal([$"127.0.0.1:{pair.PortB}"], remote.GetProperty("urls").EnumerateArray().Select(url => url.GetString()));
        Assert.Equal(pair.PortA, gateway.GetProperty("port").GetInt32());
    }

    public static TheoryData<ServerTarget> ReferenceAndEdge => new() { ServerTarget.Reference, ServerTarget.Edge };

    // Setting a gateway up takes a redial when A dials before B listens: the startup deadline, not a reply's.
    private static async Task<JsonElement> WaitForAsync(IRunningServer server, string query, Func<JsonElement, bool> condition)
    {
        var last = default(JsonElement);
        await Poll.UntilAsync(
            async () => condition(last = await MonitorClient.GetJsonAsync(server, query)),
            () => $"{server.Target} {query} never met the condition; last answer:\n{last}");
        return last;
    }

    // Both links are registered once each direction has its connection.
    private static Task<JsonElement> WaitForBothWaysAsync(IRunningServer server, string query) =>
        WaitForAsync(server, query, json =>
            json.GetProperty("outbound_gateways").TryGetProperty("B", out _) && json.GetProperty("inbound_gateways").TryGetProperty("B", out _));

    // Once A's outbound has heard of B's two subscriptions and a round trip was measured each way.
    private static async Task<JsonElement> WhenWorkerKnownAsync(IRunningServer server, string query)
    {
        await WaitForAsync(server, "/gatewayz?acc_name=$G", json =>
            GlobalAccount(json) is { } account && NumSubs(account) == 2
            && json.GetProperty("outbound_gateways").GetProperty("B").GetProperty("connection").TryGetProperty("rtt", out _)
            && json.GetProperty("inbound_gateways").TryGetProperty("B", out var inbound)
            && inbound[0].GetProperty("connection").TryGetProperty("rtt", out _));
        return await MonitorClient.GetJsonAsync(server, query);
    }

    // A raw client, so the far cluster holds exactly these two subscriptions in $G (a client library adds its own inbox).
    private static async Task<RawClient> WithQueueWorkerAsync(IRunningServer server)
    {
        var client = await RawClient.OpenSessionAsync(server.Port);
        await client.SendAsync("SUB readings.> 1\r\nSUB jobs workers 2\r\nPING\r\n");
        await client.ExpectAsync("PONG\r\n");
        return client;
    }

    private static JsonElement? GlobalAccount(JsonElement gatewayz)
    {
        if (gatewayz.GetProperty("outbound_gateways").ValueKind != JsonValueKind.Object
            || !gatewayz.GetProperty("outbound_gateways").TryGetProperty("B", out var outbound)
            || !outbound.TryGetProperty("accounts", out var accounts))
        {
            return null;
        }

        return accounts.EnumerateArray().Where(account => account.GetProperty("name").GetString() == "$G").Cast<JsonElement?>().FirstOrDefault();
    }

    private static int NumSubs(JsonElement? account) =>
        account is { } found && found.TryGetProperty("num_subs", out var count) ? count.GetInt32() : 0;

    private static List<string> Names(JsonElement json) => [.. json.EnumerateObject().Select(property => property.Name)];

    // Each account as compact JSON, sorted: the servers indent differently and nats-server's order is Go's map order.
    private static List<string> ByName(JsonElement accounts) =>
        [.. accounts.EnumerateArray().Select(account => JsonSerializer.Serialize(account)).Order(StringComparer.Ordinal)];

    private static string WithoutPort(JsonElement gateway) =>
        string.Join(",", gateway.EnumerateObject().Where(property => property.Name != "port").Select(property => $"{property.Name}={property.Value.GetRawText()}"));
}
