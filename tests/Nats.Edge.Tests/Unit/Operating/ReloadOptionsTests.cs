using Nats.Edge.Server;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Unit.Operating;

/// <summary>Which option changes a running server takes, and how it words the ones it refuses.</summary>
public sealed class ReloadOptionsTests
{
    public static TheoryData<string, ServerOptions> Refused => new()
    {
        { "config reload not supported for Host: old=127.0.0.1, new=0.0.0.0", TestServers.Defaults with { Host = "0.0.0.0" } },
        { "config reload not supported for ServerName: old=<none>, new=pi", TestServers.Defaults with { ServerName = "pi" } },
        { "config reload not supported for Accounts: old=…, new=…", TestServers.Defaults with { Accounts = [new AccountOptions { Name = "A" }] } },
        { "config reload not supported for LeafNode: field \"Port\"", TestServers.Defaults with { Leafnodes = new LeafnodeOptions { Port = 0 } } },
        { "config reload not supported for Gateway: old=<none>, new=…", TestServers.Defaults with { Gateway = new GatewayOptions { Name = "EAST", Port = -1 } } },
    };

    private static GatewayOptions East => new() { Name = "EAST", Port = -1, Gateways = [new RemoteGatewayOptions { Name = "WEST", Urls = [new Uri("nats://w1:7222")] }] };

    // nats-server 2.9 (server/reload.go) takes no change to its gateway block while running.
    public static TheoryData<string, GatewayOptions?> GatewayChanges => new()
    {
        { "config reload not supported for Gateway: old=…, new=…", East with { ConnectRetries = 3 } },
        { "config reload not supported for Gateway: old=…, new=…", East with { Gateways = [new RemoteGatewayOptions { Name = "WEST", Urls = [new Uri("nats://w2:7222")] }] } },
        { "config reload not supported for Gateway: old=…, new=…", East with { Tls = new TlsOptions { CertificateFile = "c.pem", KeyFile = "k.pem" } } },
        { "config reload not supported for Gateway: old=…, new=<none>", null },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Options_that_cannot_change_while_running_are_refused_and_nothing_changes(string message, ServerOptions reloaded)
    {
        await using var server = new NatsServer(TestServers.Defaults with { MaxPayload = 1000 });

        var error = Assert.Throws<ServerOptionsException>(() => server.Reload(reloaded with { MaxPayload = 2000 }));

        Assert.Equal(message, error.Message);
        Assert.Equal(1000, server.Options.MaxPayload);
    }

    [Theory]
    [MemberData(nameof(GatewayChanges))]
    public async Task A_changed_gateway_block_is_refused_and_nothing_changes(string message, GatewayOptions? reloaded)
    {
        var east = East;
        await using var server = new NatsServer(TestServers.Defaults with { MaxPayload = 1000, Gateway = east });

        var error = Assert.Throws<ServerOptionsException>(() => server.Reload(TestServers.Defaults with { MaxPayload = 2000, Gateway = reloaded }));

        Assert.Equal(message, error.Message);
        Assert.Equal(1000, server.Options.MaxPayload);
        Assert.Same(east, server.Options.Gateway);
    }

    [Fact]
    public async Task An_unchanged_gateway_block_lets_the_rest_reload()
    {
        await using var server = new NatsServer(TestServers.Defaults with { MaxPayload = 1000, Gateway = East });

        // A block read again is a new record with new lists: equal values are what count.
        server.Reload(TestServers.Defaults with { MaxPayload = 2000, Gateway = East });

        Assert.Equal(2000, server.Options.MaxPayload);
    }

    [Fact]
    public async Task Equal_lists_in_new_records_are_no_change()
    {
        var users = new UserOptions { Username = "pi", Password = "pw", Permissions = new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = ["a.>"] } } };
        await using var server = new NatsServer(TestServers.Defaults with { Users = [users], Accounts = [new AccountOptions { Name = "A", Exports = [new ExportOptions { Subject = "x.>" }] }] });

        server.Reload(TestServers.Defaults with
        {
            Users = [users with { Permissions = new PermissionOptions { Publish = new SubjectPermissionOptions { Allow = ["a.>"] } } }],
            Accounts = [new AccountOptions { Name = "A", Exports = [new ExportOptions { Subject = "x.>" }] }],
        });
    }

    [Fact]
    public async Task A_user_naming_an_unknown_no_auth_user_is_refused_before_anything_changes()
    {
        await using var server = new NatsServer(TestServers.Defaults);

        Assert.Throws<ServerOptionsException>(() => server.Reload(TestServers.Defaults with { NoAuthUser = "ghost", MaxPayload = 5 }));

        Assert.Equal(TestServers.Defaults.MaxPayload, server.Options.MaxPayload);
    }
}
