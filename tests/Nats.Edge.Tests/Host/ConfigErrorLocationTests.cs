using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>A value refused while turning sections into options names the file and line of its key, in either syntax.</summary>
public sealed class ConfigErrorLocationTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_bad_size_in_conf_names_its_line()
    {
        var path = _folder.Write("server.conf", "# limits\nport: 4222\nmax_payload: huge\n");

        Assert.Equal($"{path}:3: key \"max_payload\": \"huge\" is not a size (e.g. 1048576 or 1MB)", Error(path));
    }

    [Fact]
    public void A_bad_duration_in_json_names_its_line()
    {
        var path = _folder.Write("server.json", "{\n  \"port\": 4222,\n  \"ping_interval\": \"often\"\n}");

        Assert.Equal($"{path}:3: key \"ping_interval\": \"often\" is not a duration (e.g. 2m, 500ms or seconds)", Error(path));
    }

    [Fact]
    public void An_unknown_top_level_key_names_its_line()
    {
        var path = _folder.Write("server.conf", "port: 4222\n\ncolour: blue\n");

        Assert.Equal($"{path}:3: unknown configuration key 'colour'", Error(path));
    }

    [Fact]
    public void An_unknown_key_inside_a_user_names_its_line()
    {
        var path = _folder.Write("server.json", """
            {
              "authorization": {
                "users": [
                  { "user": "alice",
                    "foo": 1 }
                ]
              }
            }
            """);

        Assert.Equal($"{path}:5: unknown configuration key 'authorization.users.0.foo'", Error(path));
    }

    [Fact]
    public void An_unknown_tls_key_names_its_line_and_path()
    {
        var path = _folder.Write("server.conf", "tls {\n  cert_file: a.pem\n  verify_foo: true\n}");

        Assert.Equal($"{path}:3: unknown configuration key 'tls.verify_foo'", Error(path));
    }

    [Fact]
    public void A_tls_block_without_a_key_file_names_the_block()
    {
        var path = _folder.Write("server.conf", "port: 4222\ntls {\n  cert_file: a.pem\n}");

        Assert.Equal($"{path}:2: key \"tls\" needs both cert_file and key_file", Error(path));
    }

    [Fact]
    public void A_bad_leafnode_listen_value_names_its_line()
    {
        var path = _folder.Write("server.conf", "leafnodes {\n  listen: nowhere\n}");

        Assert.Equal($"{path}:2: key \"leafnodes.listen\": \"nowhere\" is not host:port", Error(path));
    }

    [Fact]
    public void A_bad_remote_url_names_the_line_of_its_key()
    {
        var path = _folder.Write("server.conf", "leafnodes {\n  remotes [\n    { url: \"http://hub\" }\n  ]\n}");

        Assert.Equal($"{path}:3: key \"leafnodes.remotes.0.url\": \"http://hub\" is not a nats-leaf://, nats://, tls://, ws:// or wss:// URL", Error(path));
    }

    [Fact]
    public void A_value_the_binder_cannot_convert_names_its_line()
    {
        var path = _folder.Write("server.conf", "host: 127.0.0.1\nport: lots");

        Assert.StartsWith($"{path}:2: ", Error(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_error_in_an_included_file_names_that_file()
    {
        var included = _folder.Write("limits.conf", "\nwrite_deadline: soon");
        var path = _folder.Write("server.conf", "include limits.conf");

        Assert.StartsWith($"{included}:2: key \"write_deadline\"", Error(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_top_level_key_used_only_as_a_variable_is_not_unknown()
    {
        var path = _folder.Write("server.conf", "hub_user: bob\nauthorization { user: $hub_user, password: pw }");

        Assert.Equal("bob", TempConfigFolder.Load(path).Options.Username);
    }

    [Fact]
    public void A_known_key_used_as_a_variable_still_sets_its_option()
    {
        var path = _folder.Write("server.conf", "server_name: pi\nauthorization { user: $server_name, password: pw }");

        var options = TempConfigFolder.Load(path).Options;

        Assert.Equal(("pi", "pi"), (options.ServerName, options.Username));
    }

    [Fact]
    public void An_unknown_key_beside_a_variable_key_is_still_refused()
    {
        var path = _folder.Write("server.conf", "hub_user: bob\ncolour: blue\nauthorization { user: $hub_user }");

        Assert.Equal($"{path}:2: unknown configuration key 'colour'", Error(path));
    }

    [Fact]
    public void An_unknown_tls_key_beside_a_variable_key_is_still_refused()
    {
        var path = _folder.Write("server.conf", "hub_user: bob\ntls { cert_file: a, key_file: b, verify_foo: 1 }\nauthorization { user: $hub_user }");

        Assert.Equal($"{path}:2: unknown configuration key 'tls.verify_foo'", Error(path));
    }

    [Fact]
    public void An_unreferenced_extra_key_is_still_unknown()
    {
        var path = _folder.Write("server.conf", "hub_user: bob\nauthorization { user: bob }");

        Assert.Equal($"{path}:1: unknown configuration key 'hub_user'", Error(path));
    }

    private static string Error(string path) => Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path)).Message;
}
