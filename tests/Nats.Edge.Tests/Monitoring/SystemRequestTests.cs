using System.Text.Json;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary>
/// <c>$SYS.REQ…</c>: the monitoring endpoints asked over NATS in the system account, answered with a
/// <c>server</c> block and the endpoint's document as <c>data</c>.
/// </summary>
public sealed class SystemRequestTests
{
    // Fields of nats-server's answers nats-edge does not share, and why:
    // data.go, data.gomaxprocs: the Go runtime has no .NET counterpart.
    // data.account_detail.imports, data.imports: nats-server gives every account service imports from
    // $SYS (its account CONNZ and STATZ); nats-edge has no such imports.
    private static readonly string[] NotShared = ["data.go", "data.gomaxprocs", "data.account_detail.imports", "data.imports"];

    // Each endpoint and a field its document always has.
    private static readonly Dictionary<string, string> EndpointField = new()
    {
        ["VARZ"] = "max_payload",
        ["CONNZ"] = "connections",
        ["SUBSZ"] = "num_subscriptions",
        ["LEAFZ"] = "leafnodes",
        ["ROUTEZ"] = "num_routes",
        ["GATEWAYZ"] = "outbound_gateways",
        ["ACCOUNTZ"] = "accounts",
        ["HEALTHZ"] = "status",
    };

    public static IEnumerable<string> Endpoints => EndpointField.Keys;

    [ServerTheory(Cases = nameof(Endpoints))]
    public async Task Ping_endpoint_is_answered_with_the_server_block_and_the_document(ServerTarget target, string endpoint)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);

        var answer = await SystemAccount.RequestAsync(system, $"$SYS.REQ.SERVER.PING.{endpoint}");

        var block = answer.GetProperty("server");
        Assert.Equal("plant-1", block.GetProperty("name").GetString());
        Assert.Equal("127.0.0.1", block.GetProperty("host").GetString());
        Assert.StartsWith("N", block.GetProperty("id").GetString());
        Assert.StartsWith("2.9.10", block.GetProperty("ver").GetString());
        Assert.True(block.GetProperty("seq").GetInt64() > 0);
        Assert.True(answer.GetProperty("data").TryGetProperty(EndpointField[endpoint], out _), answer.ToString());
    }

    [ServerTheory]
    public async Task Ping_without_an_endpoint_is_answered_with_statsz(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);

        var answer = await SystemAccount.RequestAsync(system, "$SYS.REQ.SERVER.PING");

        var statsz = answer.GetProperty("statsz");
        Assert.Equal(1, statsz.GetProperty("connections").GetInt32());
        Assert.Equal(1, statsz.GetProperty("active_accounts").GetInt32());
        Assert.Equal(1, statsz.GetProperty("active_servers").GetInt32());
        Assert.Equal(0, statsz.GetProperty("slow_consumers").GetInt64());
    }

    [ServerTheory]
    public async Task A_request_to_the_server_id_is_answered_by_that_server(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        var id = (await SystemAccount.RequestAsync(system, "$SYS.REQ.SERVER.PING")).GetProperty("server").GetProperty("id").GetString();

        var varz = await SystemAccount.RequestAsync(system, $"$SYS.REQ.SERVER.{id}.VARZ");
        var statsz = await SystemAccount.RequestAsync(system, $"$SYS.REQ.SERVER.{id}.STATSZ");

        Assert.Equal(id, varz.GetProperty("data").GetProperty("server_id").GetString());
        Assert.Equal(id, statsz.GetProperty("server").GetProperty("id").GetString());
    }

    [ServerTheory]
    public async Task Options_in_the_payload_shape_the_document(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        await using var readings = await app.SubscribeCoreAsync<string>("line.temperature");
        await app.PingAsync();

        var connz = await SystemAccount.RequestAsync(system, "$SYS.REQ.SERVER.PING.CONNZ", """{"acc":"APP","subscriptions":true,"auth":true}""");

        var client = Assert.Single(connz.GetProperty("data").GetProperty("connections").EnumerateArray());
        Assert.Equal("app", client.GetProperty("authorized_user").GetString());
        Assert.Contains("line.temperature", client.GetProperty("subscriptions_list").EnumerateArray().Select(subject => subject.GetString()));
    }

    [ServerTheory]
    public async Task A_filter_that_does_not_name_the_server_gets_no_answer(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        // Not under NATS.Net's own inbox prefix, whose replies its request muxer takes.
        var inbox = SystemAccount.NewReplySubject();
        await using var answers = await system.SubscribeCoreAsync<string>(inbox + ".*");

        // Answers leave in the order the requests came: the second's answer arriving first shows the first got none.
        await system.PublishAsync("$SYS.REQ.SERVER.PING.VARZ", """{"server_name":"plant-2"}""", replyTo: inbox + ".other");
        await system.PublishAsync("$SYS.REQ.SERVER.PING.VARZ", """{"server_name":"plant-"}""", replyTo: inbox + ".this");

        Assert.Equal(inbox + ".this", (await TestClients.NextAsync(answers)).Subject);
    }

    [ServerTheory]
    public async Task Options_that_are_not_json_are_answered_with_a_400(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);

        var answer = await SystemAccount.RequestAsync(system, "$SYS.REQ.SERVER.PING.CONNZ", "{bad");

        Assert.Equal(400, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(answer.TryGetProperty("data", out _));
    }

    [ServerTheory]
    public async Task Account_requests_answer_about_that_account_alone(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        await using var readings = await app.SubscribeCoreAsync<string>("line.temperature");
        await app.PingAsync();

        var connz = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.CONNZ")).GetProperty("data");
        var subsz = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.SUBSZ")).GetProperty("data");
        var info = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.INFO")).GetProperty("data");
        var leafz = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.LEAFZ")).GetProperty("data");

        Assert.Equal("nats-edge-tests", Assert.Single(connz.GetProperty("connections").EnumerateArray()).GetProperty("name").GetString());
        Assert.Contains(subsz.GetProperty("subscriptions_list").EnumerateArray(), sub => sub.GetProperty("subject").GetString() == "line.temperature");
        Assert.All(subsz.GetProperty("subscriptions_list").EnumerateArray(), sub => Assert.Equal("APP", sub.GetProperty("account").GetString()));
        Assert.Equal("APP", info.GetProperty("account_name").GetString());
        Assert.Equal(1, info.GetProperty("client_connections").GetInt32());
        Assert.Equal(0, leafz.GetProperty("leafnodes").GetInt32());
    }

    [ServerTheory]
    public async Task Info_on_an_unknown_account_is_answered_with_a_500(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);

        var answer = await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.NOPE.INFO");

        Assert.Equal(JsonValueKind.Null, answer.GetProperty("data").ValueKind);
        Assert.Equal(500, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Account NOPE does not exist", answer.GetProperty("error").GetProperty("description").GetString());
    }

    [ServerTheory]
    public async Task Account_conns_is_answered_with_the_accounts_connection_counts(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);

        var answer = await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.CONNS");

        Assert.Equal("io.nats.server.advisory.v1.account_connections", answer.GetProperty("type").GetString());
        Assert.Equal("APP", answer.GetProperty("acc").GetString());
        Assert.Equal(1, answer.GetProperty("conns").GetInt32());
        Assert.Equal(1, answer.GetProperty("total_conns").GetInt32());
    }

    [ServerTheory]
    public async Task Account_statz_counts_each_account_with_connections(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        await using var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);

        var all = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.PING.STATZ")).GetProperty("data").GetProperty("account_statz");
        var one = (await SystemAccount.RequestAsync(system, "$SYS.REQ.ACCOUNT.APP.STATZ")).GetProperty("data").GetProperty("account_statz");

        Assert.Equal(["$SYS:1", "APP:1"], all.EnumerateArray().Select(Count).Order(StringComparer.Ordinal));
        Assert.Equal("APP:1", Count(Assert.Single(one.EnumerateArray())));
    }

    [ServerTheory]
    public async Task Account_statz_of_an_idle_account_is_answered_only_with_include_unused(ServerTarget target)
    {
        await using var server = await SystemAccount.StartAsync(target);
        await using var system = await TestClients.ConnectAsync(server, SystemAccount.SystemUser);
        var inbox = SystemAccount.NewReplySubject();
        await using var answers = await system.SubscribeCoreAsync<string>(inbox + ".*");

        // Answers leave in the order the requests came: the second's answer arriving first shows the first got none.
        await system.PublishAsync("$SYS.REQ.ACCOUNT.APP.STATZ", string.Empty, replyTo: inbox + ".plain");
        await system.PublishAsync("$SYS.REQ.ACCOUNT.APP.STATZ", """{"include_unused":true}""", replyTo: inbox + ".unused");

        var answer = await TestClients.NextAsync(answers);
        Assert.Equal(inbox + ".unused", answer.Subject);
        var statz = JsonDocument.Parse(answer.Data!).RootElement.GetProperty("data").GetProperty("account_statz");
        Assert.Equal("APP:0", Count(Assert.Single(statz.EnumerateArray())));
    }

    [ServerTheory]
    public async Task Without_a_system_user_requests_reach_nobody(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target);
        await using var client = await TestClients.ConnectAsync(server);

        await Assert.ThrowsAsync<NatsNoRespondersException>(() => client.RequestAsync<string, string>("$SYS.REQ.SERVER.PING", string.Empty).AsTask());
    }

    [ReferenceFact]
    public async Task Answers_have_every_field_nats_servers_have()
    {
        string[] subjects =
        [
            "$SYS.REQ.SERVER.PING", "$SYS.REQ.SERVER.PING.VARZ", "$SYS.REQ.SERVER.PING.CONNZ", "$SYS.REQ.SERVER.PING.SUBSZ",
            "$SYS.REQ.SERVER.PING.LEAFZ", "$SYS.REQ.SERVER.PING.ROUTEZ", "$SYS.REQ.SERVER.PING.GATEWAYZ", "$SYS.REQ.SERVER.PING.ACCOUNTZ",
            "$SYS.REQ.SERVER.PING.HEALTHZ", "$SYS.REQ.ACCOUNT.APP.CONNZ", "$SYS.REQ.ACCOUNT.APP.SUBSZ", "$SYS.REQ.ACCOUNT.APP.LEAFZ",
            "$SYS.REQ.ACCOUNT.APP.INFO", "$SYS.REQ.ACCOUNT.APP.CONNS", "$SYS.REQ.ACCOUNT.APP.STATZ", "$SYS.REQ.ACCOUNT.PING.STATZ",
        ];
        await using var reference = await SystemAccount.StartAsync(ServerTarget.Reference);
        await using var edge = await SystemAccount.StartAsync(ServerTarget.Edge);
        await using var referenceSystem = await TestClients.ConnectAsync(reference, SystemAccount.SystemUser);
        await using var edgeSystem = await TestClients.ConnectAsync(edge, SystemAccount.SystemUser);
        await using var referenceApp = await ConnectAppAsync(reference);
        await using var edgeApp = await ConnectAppAsync(edge);

        foreach (var subject in subjects)
        {
            var referenceAnswer = await SystemAccount.RequestAsync(referenceSystem, subject);
            var edgeAnswer = await SystemAccount.RequestAsync(edgeSystem, subject);

            JsonShape.AssertCovers(referenceAnswer, edgeAnswer, NotShared);
        }
    }

    private static string Count(JsonElement stat) => $"{stat.GetProperty("acc").GetString()}:{stat.GetProperty("conns").GetInt32()}";

    // An application client with a subscription, so the lists in the answers have an element to compare.
    private static async Task<NatsConnection> ConnectAppAsync(IRunningServer server)
    {
        var app = await TestClients.ConnectAsync(server, SystemAccount.AppUser);
        await app.SubscribeCoreAsync<string>("line.temperature");
        await app.PingAsync();
        return app;
    }
}
