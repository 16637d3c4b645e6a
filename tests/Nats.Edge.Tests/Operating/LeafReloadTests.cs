using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Operating;

/// <summary>A hub's reload checks its accepted leafs' logins again, as it does its clients'.</summary>
public sealed class LeafReloadTests
{
    [Theory]
    [InlineData("new-secret", true)]
    [InlineData("old-secret", false)]
    public async Task Reload_closes_a_leaf_only_when_its_login_stopped_working(string password, bool closed)
    {
        var leafPort = TestPorts.Free();
        var hubOptions = TestServers.Defaults with
        {
            Users = [new UserOptions { Username = "pi", Password = "old-secret" }, new UserOptions { Username = "other", Password = "x" }],
            Leafnodes = new LeafnodeOptions { Host = "127.0.0.1", Port = leafPort },
        };
        await using var hub = await EdgeServer.StartAsync(hubOptions, captureLog: true);
        await using var leaf = await EdgeServer.StartAsync(TestServers.Defaults with
        {
            Leafnodes = new LeafnodeOptions { Remotes = [new RemoteLeafOptions { Urls = [new Uri($"nats-leaf://pi:old-secret@127.0.0.1:{leafPort}")] }] },
        });
        await hub.WaitForLogAsync("Leafnode connection created");

        hub.Reload(hubOptions with { Users = [new UserOptions { Username = "pi", Password = password }] });

        await hub.WaitForLogAsync("Reloaded server configuration");
        if (closed)
        {
            await hub.WaitForLogAsync("Leafnode connection closed: AuthenticationViolation");
        }
        else
        {
            await Task.Delay(300);
            Assert.DoesNotContain("Leafnode connection closed", hub.Log, StringComparison.Ordinal);
        }
    }

}
