using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary><c>$NAME</c>: a key defined earlier in this or an enclosing block, else the environment.</summary>
public sealed class ConfVariableTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Variable_takes_a_value_defined_earlier_in_the_same_block() =>
        Assert.Equal("alice", Value("authorization { name: alice, user: $name }", "authorization:user"));

    [Fact]
    public void Variable_takes_a_value_from_an_enclosing_block() =>
        Assert.Equal("alice", Value("name: alice\nauthorization { users: [ { user: $name } ] }", "authorization:users:0:user"));

    [Fact]
    public void The_innermost_definition_wins() =>
        Assert.Equal("inner", Value("name: outer\nblock { name: inner, user: $name }", "block:user"));

    [Fact]
    public void Variable_may_name_a_block()
    {
        var conf = _folder.Parse("perms: { publish: \"a.>\" }\nuser { permissions: $perms }");

        Assert.True(conf.TryGet("user:permissions:publish", out var publish));
        Assert.Equal("a.>", publish);
    }

    [Theory]
    [InlineData("4222", "4222")]
    [InlineData("1MB", "1048576")]
    [InlineData("yes", "true")]
    [InlineData("\"quoted\"", "quoted")]
    [InlineData("two words", "two words")]
    [InlineData("$OTHER", "$OTHER")]
    public void Variable_not_defined_above_is_read_from_the_environment_as_a_value(string text, string value) =>
        Assert.Equal(value, Value("port: $FROM_ENV", "port", name => name == "FROM_ENV" ? text : null));

    [Fact]
    public void A_definition_above_shadows_the_environment() =>
        Assert.Equal("file", Value("NAME: file\nserver_name: $NAME", "server_name", _ => "environment"));

    [Fact]
    public void Environment_names_are_case_sensitive()
    {
        var error = Assert.Throws<ConfigException>(() => _folder.Parse("a: $name", name => name == "NAME" ? "x" : null));

        Assert.EndsWith("test.conf:1: variable \"$name\" is not defined above and not in the environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_strings_are_not_interpolated()
    {
        var conf = _folder.Parse("name: alice\na: \"$name\"\nb: '$name'");

        Assert.True(conf.TryGet("a", out var a));
        Assert.True(conf.TryGet("b", out var b));
        Assert.Equal(("$name", "$name"), (a, b));
    }

    [Fact]
    public void Bcrypt_hashes_are_kept_literally()
    {
        const string Hash = "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy";

        Assert.Equal(Hash, Value($"password: {Hash}", "password"));
    }

    [Fact]
    public void Top_level_keys_used_as_variables_are_reported()
    {
        var conf = _folder.Parse("hub_user: bob\nunused: 1\nauthorization { inner: x, user: $hub_user, password: $inner }");

        Assert.Equal(["hub_user"], conf.VariableKeys);
    }

    private string? Value(string text, string key, Func<string, string?>? environment = null) =>
        _folder.Parse(text, environment).TryGet(key, out var value) ? value : throw new KeyNotFoundException(key);
}
