using System.Net;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Monitoring;

/// <summary><c>/accountz</c>: the accounts, and one account in detail.</summary>
public sealed class AccountzTests
{
    private const string Accounts = """
        "http_port": -1,
        "accounts": {
          "SENSORS": { "users": [ { "user": "pi", "password": "pw" } ], "exports": [ { "stream": "readings.>" } ] },
          "APP": { "users": [ { "user": "app", "password": "pw" } ], "imports": [ { "stream": { "account": "SENSORS", "subject": "readings.>" } } ] }
        }
        """;

    [ServerTheory]
    public async Task Accountz_lists_the_global_system_and_configured_accounts(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, Accounts);

        var accountz = await MonitorClient.GetJsonAsync(server, "/accountz");

        Assert.Equal("$SYS", accountz.GetProperty("system_account").GetString());
        Assert.Equal(["$G", "$SYS", "APP", "SENSORS"], accountz.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal));
    }

    [ServerTheory]
    public async Task Accountz_acc_details_one_account_with_its_clients_exports_and_imports(ServerTarget target)
    {
        await using var server = await TestServers.StartWithConfigAsync(target, Accounts);
        await using var pi = await TestClients.ConnectAsync(server, new NATS.Client.Core.NatsAuthOpts { Username = "pi", Password = "pw" });

        var sensors = (await MonitorClient.GetJsonAsync(server, "/accountz?acc=SENSORS")).GetProperty("account_detail");
        var app = (await MonitorClient.GetJsonAsync(server, "/accountz?acc=APP")).GetProperty("account_detail");

        Assert.Equal("SENSORS", sensors.GetProperty("account_name").GetString());
        Assert.Equal(1, sensors.GetProperty("client_connections").GetInt32());
        var export = Assert.Single(sensors.GetProperty("exports").EnumerateArray());
        Assert.Equal(("readings.>", "stream"), (export.GetProperty("subject").GetString(), export.GetProperty("type").GetString()));
        var import = app.GetProperty("imports").EnumerateArray().Single(i => i.GetProperty("account").GetString() == "SENSORS");
        Assert.Equal(("readings.>", "stream"), (import.GetProperty("subject").GetString(), import.GetProperty("type").GetString()));
        Assert.Equal("readings.>", import.GetProperty("local_subject").GetString());
    }

    [ServerTheory]
    public async Task Accountz_answers_an_unknown_account_with_400(ServerTarget target)
    {
        await using var server = await TestServers.StartAsync(target, TestServers.Monitored);

        using var response = await MonitorClient.GetAsync(server, "/accountz?acc=NOPE");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
