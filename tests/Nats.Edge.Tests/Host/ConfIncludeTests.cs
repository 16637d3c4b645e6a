using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary><c>include</c>: another file's keys merged where the directive stands.</summary>
public sealed class ConfIncludeTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Include_merges_the_files_keys_at_that_point()
    {
        _folder.Write("limits.conf", "max_payload: 2MB\nping_max: 5");
        var conf = _folder.Parse("max_payload: 1MB\ninclude ./limits.conf\nping_max: 3");

        Assert.True(conf.TryGet("max_payload", out var payload));
        Assert.True(conf.TryGet("ping_max", out var pings));
        Assert.Equal(("2097152", "3"), (payload, pings));
    }

    [Fact]
    public void Include_inside_a_block_fills_that_block()
    {
        _folder.Write("users.conf", "users: [ { user: alice } ]");
        var conf = _folder.Parse("authorization {\n  include users.conf\n  timeout: 2\n}");

        Assert.True(conf.TryGet("authorization:users:0:user", out var user));
        Assert.Equal("alice", user);
    }

    [Fact]
    public void Include_path_may_be_quoted_and_is_relative_to_the_including_file()
    {
        _folder.Write("sub/first.conf", "include 'second.conf'");
        _folder.Write("sub/second.conf", "server_name: nested");
        var conf = _folder.Parse("include \"sub/first.conf\"");

        Assert.True(conf.TryGet("server_name", out var name));
        Assert.Equal("nested", name);
    }

    [Fact]
    public void Included_keys_are_located_in_the_included_file()
    {
        var included = _folder.Write("auth.conf", "# users\n\nauthorization { user: bob }");
        var conf = _folder.Parse("port: 4222\ninclude auth.conf");

        Assert.Equal(new KeyLocation(included, 3), conf.Locations["authorization:user"]);
    }

    [Fact]
    public void Included_file_sees_the_variables_defined_before_it()
    {
        _folder.Write("auth.conf", "authorization { user: $admin }");
        var conf = _folder.Parse("admin: root\ninclude auth.conf");

        Assert.True(conf.TryGet("authorization:user", out var user));
        Assert.Equal("root", user);
    }

    [Fact]
    public void Include_cycle_is_refused_with_the_chain()
    {
        var second = _folder.Write("b.conf", "port: 1\ninclude a.conf");
        _folder.Write("a.conf", "include b.conf");

        var error = Assert.Throws<ConfigException>(() => _folder.Parse("include a.conf", name: "main.conf"));

        Assert.Equal($"{second}:2: include cycle: a.conf -> b.conf -> a.conf", error.Message);
    }

    [Fact]
    public void A_file_including_itself_is_a_cycle()
    {
        var error = Assert.Throws<ConfigException>(() => _folder.Parse("include self.conf", name: "self.conf"));

        Assert.EndsWith("self.conf:1: include cycle: self.conf -> self.conf", error.Message, StringComparison.Ordinal);
    }
}
