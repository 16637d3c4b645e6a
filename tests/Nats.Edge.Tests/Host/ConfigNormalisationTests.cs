using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// What the normaliser keeps that binding alone would lose (empty lists, empty blocks), and how it
/// names a key whose value it rewrote.
/// </summary>
public sealed class ConfigNormalisationTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_empty_allow_list_of_a_remote_allows_nothing()
    {
        var remote = Load("leafnodes { remotes [ { url: hub, allow_imports: [], allow_exports: [] } ] }").Options.Leafnodes!.Remotes[0];

        Assert.Equal((0, 0), (remote.AllowImports?.Count, remote.AllowExports?.Count));
    }

    [Fact]
    public void An_empty_accounts_list_of_an_export_is_kept()
    {
        var export = Load("accounts { A { exports [ { stream: \"a.>\", accounts: [] } ] } }").Options.Accounts[0].Exports[0];

        Assert.Equal(0, export.Accounts?.Count);
    }

    [Fact]
    public void An_empty_tls_block_of_a_remote_asks_for_tls() =>
        Assert.NotNull(Load("leafnodes { remotes [ { url: hub, tls {} } ] }").Options.Leafnodes!.Remotes[0].Tls);

    [Fact]
    public void An_empty_tls_block_of_a_listener_is_refused_for_its_missing_files()
    {
        var path = _folder.Write("server.conf", "port: 4222\ntls {}");

        Assert.Equal($"{path}:2: key \"tls\" needs both cert_file and key_file", Error(path));
    }

    [Fact]
    public void Empty_permissions_of_a_user_stand_over_the_default_ones()
    {
        var users = Load("authorization { default_permissions { publish: \"a.>\" }, users [ { user: u, permissions {} }, { user: v } ] }").Options.Users;

        Assert.Null(users[0].Permissions!.Publish);
        Assert.Equal(["a.>"], users[1].Permissions!.Publish!.Allow);
    }

    [Fact]
    public void Allow_responses_as_an_empty_block_takes_the_defaults() =>
        Assert.Equal(1, Load("authorization { users [ { user: u, permissions { allow_responses {} } } ] }").Options.Users[0].Permissions!.Responses!.MaxMessages);

    [Fact]
    public void The_first_listed_spelling_wins_when_a_block_gives_two() =>
        Assert.Equal("10.0.0.1", Load("net: 10.0.0.2\nhost: 10.0.0.1").Options.Host);

    [Fact]
    public void A_number_that_is_not_one_names_its_key_and_line()
    {
        var path = _folder.Write("server.conf", "host: 127.0.0.1\ncluster {\n  port: lots\n}");

        Assert.Equal($"{path}:3: key \"cluster.port\": \"lots\" is not a number", Error(path));
    }

    [Fact]
    public void An_error_in_a_list_written_as_one_value_names_the_key_as_written()
    {
        var path = _folder.Write("server.conf", "cluster {\n  routes: \"http://a:6222\"\n}");

        Assert.Equal($"{path}:2: key \"cluster.routes\": \"http://a:6222\" is not a nats-route://host:port URL", Error(path));
    }

    [Fact]
    public void An_error_in_a_list_item_names_the_item_and_its_line()
    {
        var path = _folder.Write("server.conf", "cluster {\n  routes: [\n    nats-route://a:6222\n    http://b:6222\n  ]\n}");

        Assert.Equal($"{path}:4: key \"cluster.routes.1\": \"http://b:6222\" is not a nats-route://host:port URL", Error(path));
    }

    [Fact]
    public void An_error_under_an_alias_names_the_alias()
    {
        var path = _folder.Write("server.conf", "leafnodes {\n  reconnect_delay: soon\n}");

        Assert.Equal($"{path}:2: key \"leafnodes.reconnect_delay\": \"soon\" is not a duration (e.g. 2m, 500ms or seconds)", Error(path));
    }

    private LoadedConfig Load(string conf) => TempConfigFolder.Load(_folder.Write("server.conf", conf));

    private static string Error(string path) => Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path)).Message;
}
