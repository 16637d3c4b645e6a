using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// Each setting of the <c>leafnodes</c> block in each shape nats-server takes it (a string or a list,
/// seconds or a duration), read through <see cref="ConfigFileLoader.Load"/> from a temp file.
/// </summary>
public sealed class LeafnodeConfigReaderShapeTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-leafshape-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Listen_gives_host_and_port()
    {
        var leafnodes = Load("""{ "leafnodes": { "listen": "10.0.0.5:7500" } }""");

        Assert.Equal(("10.0.0.5", (int?)7500), (leafnodes.Host, leafnodes.Port));
    }

    [Fact]
    public void Port_alone_listens_on_every_interface()
    {
        var leafnodes = Load("""{ "leafnodes": { "port": 7423 } }""");

        Assert.Equal(("0.0.0.0", (int?)7423), (leafnodes.Host, leafnodes.Port));
    }

    [Fact]
    public void Host_and_port_are_read_separately()
    {
        var leafnodes = Load("""{ "leafnodes": { "host": "127.0.0.1", "port": 7424 } }""");

        Assert.Equal(("127.0.0.1", (int?)7424), (leafnodes.Host, leafnodes.Port));
    }

    [Fact]
    public void Block_with_only_remotes_listens_nowhere() =>
        Assert.Null(Load("""{ "leafnodes": { "remotes": [ { "url": "hub" } ] } }""").Port);

    [Fact]
    public void Authorization_user_password_account_and_timeout_are_read()
    {
        var leafnodes = Load("""
            { "leafnodes": { "port": 7422,
                "authorization": { "user": "leaf", "password": "pw", "account": "BOARDS", "timeout": 0.5 } },
              "accounts": { "BOARDS": {} } }
            """);

        Assert.Equal(("leaf", "pw", "BOARDS"), (leafnodes.Username, leafnodes.Password, leafnodes.Account));
        Assert.Equal(TimeSpan.FromMilliseconds(500), leafnodes.AuthTimeout);
    }

    [Fact]
    public void Authorization_users_are_read_each_with_its_account()
    {
        var users = Load("""
            { "leafnodes": { "port": 7422, "authorization": { "users": [
                { "user": "pi1", "password": "a", "account": "PIS" },
                { "user": "pi2", "password": "b" } ] } },
              "accounts": { "PIS": {} } }
            """).Users;

        Assert.Equal(2, users.Count);
        Assert.Equal(("pi1", "a", "PIS"), (users[0].Username, users[0].Password, users[0].Account));
        Assert.Equal(("pi2", "b", (string?)null), (users[1].Username, users[1].Password, users[1].Account));
    }

    [Fact]
    public void Without_authorization_the_timeout_is_two_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Load("""{ "leafnodes": { "port": 7422 } }""").AuthTimeout);

    [Fact]
    public void Reconnect_as_a_number_is_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(5), Load("""{ "leafnodes": { "reconnect": 5 } }""").ReconnectDelay);

    [Fact]
    public void Reconnect_as_a_duration_string_is_read() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), Load("""{ "leafnodes": { "reconnect": "250ms" } }""").ReconnectDelay);

    [Fact]
    public void Without_reconnect_the_delay_is_one_second() =>
        Assert.Equal(TimeSpan.FromSeconds(1), Load("""{ "leafnodes": { "port": 7422 } }""").ReconnectDelay);

    [Fact]
    public void Reconnect_that_is_not_a_duration_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "reconnect": "soon" } }"""));

        Assert.Contains("leafnodes.reconnect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_url_as_a_string_is_one_url() =>
        Assert.Equal(["nats-leaf://hub.example.com:7422/"], Remote("""{ "url": "nats-leaf://hub.example.com:7422" }""").Urls.Select(static url => url.ToString()));

    [Fact]
    public void Remote_url_without_a_scheme_is_a_nats_leaf_url() =>
        Assert.Equal("nats-leaf", Remote("""{ "url": "hub:7422" }""").Urls[0].Scheme);

    [Theory]
    [InlineData("nats-leaf://hub:7422")]
    [InlineData("nats://hub:7422")]
    [InlineData("tls://hub:7422")]
    public void Remote_url_schemes_of_nats_server_are_accepted(string url)
    {
        var parsed = Remote($$"""{ "url": "{{url}}" }""").Urls[0];

        Assert.Equal(("hub", 7422), (parsed.Host, parsed.Port));
    }

    [Fact]
    public void Remote_urls_as_a_list_keep_their_order() =>
        Assert.Equal(
            ["hub-1", "hub-2", "hub-3"],
            Remote("""{ "urls": ["nats-leaf://hub-1:7422", "nats://hub-2:7422", "hub-3"] }""").Urls.Select(static url => url.Host));

    [Fact]
    public void Remote_url_and_urls_are_both_dialled_url_first() =>
        Assert.Equal(["hub-0", "hub-1", "hub-2"], Remote("""{ "urls": ["hub-1", "hub-2"], "url": "hub-0" }""").Urls.Select(static url => url.Host));

    [Fact]
    public void Remote_url_keeps_its_user_info() =>
        Assert.Equal("u1:p1", Remote("""{ "url": "nats-leaf://u1:p1@hub:7422" }""").Urls[0].UserInfo);

    [Fact]
    public void Remote_account_is_read() =>
        Assert.Equal("BOARDS", Remote("""{ "url": "hub", "account": "BOARDS" }""", accounts: """, "accounts": { "BOARDS": {} }""").Account);

    [Fact]
    public void Remote_without_account_is_null() =>
        Assert.Null(Remote("""{ "url": "hub" }""").Account);

    [Fact]
    public void Remote_relative_credentials_path_is_taken_from_the_config_folder() =>
        Assert.Equal(Path.Combine(_directory.FullName, "keys", "board.creds"), Remote("""{ "url": "hub", "credentials": "keys/board.creds" }""").CredentialsFile);

    [Fact]
    public void Remote_absolute_credentials_path_is_kept()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "board.creds");

        Assert.Equal(absolute, Remote($$"""{ "url": "hub", "credentials": "{{absolute}}" }""").CredentialsFile);
    }

    [Fact]
    public void Remote_tls_files_are_taken_from_the_config_folder()
    {
        var tls = Remote("""{ "url": "tls://hub", "tls": { "ca_file": "ca.pem", "cert_file": "certs/leaf.pem", "key_file": "certs/leaf.key" } }""").Tls!;

        Assert.Equal(Path.Combine(_directory.FullName, "ca.pem"), tls.CaFile);
        Assert.Equal(Path.Combine(_directory.FullName, "certs", "leaf.pem"), tls.CertificateFile);
        Assert.Equal(Path.Combine(_directory.FullName, "certs", "leaf.key"), tls.KeyFile);
    }

    [Fact]
    public void Remote_tls_timeout_is_read() =>
        Assert.Equal(TimeSpan.FromSeconds(3), Remote("""{ "url": "tls://hub", "tls": { "timeout": 3 } }""").Tls!.Timeout);

    [Fact]
    public void Remote_tls_without_timeout_waits_two_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(2), Remote("""{ "url": "tls://hub", "tls": { "ca_file": "ca.pem" } }""").Tls!.Timeout);

    [Fact]
    public void Remote_without_tls_has_none() =>
        Assert.Null(Remote("""{ "url": "hub" }""").Tls);

    [Fact]
    public void Remote_deny_imports_as_a_string_is_one_entry() =>
        Assert.Equal(["admin.>"], Remote("""{ "url": "hub", "deny_imports": "admin.>" }""").DenyImports);

    [Fact]
    public void Remote_deny_imports_as_a_list_is_read() =>
        Assert.Equal(["admin.>", "debug.*"], Remote("""{ "url": "hub", "deny_imports": ["admin.>", "debug.*"] }""").DenyImports);

    [Fact]
    public void Remote_deny_exports_as_a_string_is_one_entry() =>
        Assert.Equal(["secrets.>"], Remote("""{ "url": "hub", "deny_exports": "secrets.>" }""").DenyExports);

    [Fact]
    public void Remote_deny_exports_as_a_list_is_read() =>
        Assert.Equal(["secrets.>", "logs.>"], Remote("""{ "url": "hub", "deny_exports": ["secrets.>", "logs.>"] }""").DenyExports);

    [Fact]
    public void Remote_allow_imports_and_exports_are_read()
    {
        var remote = Remote("""{ "url": "hub", "allow_imports": ["commands.>", "time"], "allow_exports": "sensors.>" }""");

        Assert.Equal(["commands.>", "time"], remote.AllowImports!);
        Assert.Equal(["sensors.>"], remote.AllowExports!);
    }

    [Fact]
    public void Remote_without_lists_denies_nothing_and_has_no_allow_lists()
    {
        var remote = Remote("""{ "url": "hub" }""");

        Assert.Empty(remote.DenyImports);
        Assert.Empty(remote.DenyExports);
        Assert.Null(remote.AllowImports);
        Assert.Null(remote.AllowExports);
    }

    [Fact]
    public void Several_remotes_are_read_in_order() =>
        Assert.Equal(
            ["hub-a", "hub-b"],
            Load("""{ "leafnodes": { "remotes": [ { "url": "hub-a" }, { "url": "hub-b" } ] } }""").Remotes.Select(static remote => remote.Urls[0].Host));

    [Fact]
    public void Remote_without_url_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "account": "$G" } ] } }"""));

        Assert.Contains("leafnodes.remotes.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://hub:7422")]
    [InlineData("https://hub:7422")]
    public void Remote_url_with_a_scheme_nats_server_does_not_dial_is_refused(string url)
    {
        var error = Assert.Throws<ConfigException>(() => Load($$"""{ "leafnodes": { "remotes": [ { "url": "{{url}}" } ] } }"""));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_a_remote_is_named_with_its_path()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "url": "hub", "foo": 1 } ] } }"""));

        Assert.Contains("unknown configuration key 'leafnodes.remotes.0.foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_the_second_remote_names_its_index()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "url": "a" }, { "url": "b", "foo": 1 } ] } }"""));

        Assert.Contains("unknown configuration key 'leafnodes.remotes.1.foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_remote_tls_is_named_with_its_path()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "url": "hub", "tls": { "verify_foo": true } } ] } }"""));

        Assert.Contains("unknown configuration key 'leafnodes.remotes.0.tls.verify_foo'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_inside_authorization_is_named_with_its_path()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "authorization": { "token": "x" } } }"""));

        Assert.Contains("unknown configuration key 'leafnodes.authorization.token'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hub_remote_is_refused_as_not_supported()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "url": "hub", "hub": true } ] } }"""));

        Assert.Contains("\"leafnodes.remotes.0.hub\" is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_with_both_credentials_and_nkey_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            { "leafnodes": { "remotes": [ { "url": "hub", "credentials": "board.creds",
              "nkey": "SUAMLK2ZNL35WSMW37E7UD4VZ7ELPKW7DHC3BWBSD2GCZ7IUQQXZIORRBU" } ] } }
            """));

        Assert.Contains("both creds and nkey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_names_the_config_file()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "leafnodes": { "remotes": [ { "url": "hub", "foo": 1 } ] } }"""));

        Assert.Contains(ConfigPath, error.Message, StringComparison.Ordinal);
    }

    private string ConfigPath => Path.Combine(_directory.FullName, "server.json");

    private RemoteLeafOptions Remote(string remote, string accounts = "") =>
        Load($$"""{ "leafnodes": { "remotes": [ {{remote}} ] }{{accounts}} }""").Remotes.Single();

    private LeafnodeOptions Load(string json)
    {
        File.WriteAllText(ConfigPath, json);
        return ConfigFileLoader.Load(ConfigPath, []).Options.Leafnodes!;
    }
}
