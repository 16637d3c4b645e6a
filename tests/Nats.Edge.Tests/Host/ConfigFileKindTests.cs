using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>Which reader a file gets: the JSON provider for JSON, nats conf for the rest.</summary>
public sealed class ConfigFileKindTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("server.json")]
    [InlineData("server.conf")]
    [InlineData("server")]
    public void A_json_object_is_read_by_the_json_provider_whatever_its_name(string name)
    {
        var content = Read(name, "\n  { \"port\": 4333 }");

        Assert.Null(content.Conf);
        Assert.True(content.Provider.TryGet("port", out var port));
        Assert.Equal("4333", port);
    }

    [Theory]
    [InlineData("server.conf")]
    [InlineData("nats-server.cfg")]
    public void A_file_without_braces_is_read_as_conf(string name) =>
        Assert.NotNull(Read(name, "port: 4333").Conf);

    [Fact]
    public void A_json_file_with_bytes_that_are_not_utf8_is_a_config_error_naming_the_byte()
    {
        // Found by the fuzzer (tests/Nats.Edge.Fuzz/Crashes/json-file): a bad byte inside a key got
        // past the JSON provider and threw from the key-location pass, outside any config error.
        var path = Path.Combine(_folder.FullName, "server.json");
        File.WriteAllBytes(path, [.. "{ \"po"u8, 0xFF, .. "rt\": 4222 }"u8]);

        var error = Assert.Throws<ConfigException>(() => ConfigFileLoader.Load(path, []));

        Assert.Contains("invalid UTF-8 at byte 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_brace_led_file_that_is_not_json_is_read_as_conf()
    {
        var path = _folder.Write("server.conf", "{\n  port: 4333\n  server_name: pi  # not JSON\n}");

        var options = TempConfigFolder.Load(path).Options;

        Assert.Equal(("pi", 4333), (options.ServerName, options.Port));
    }

    [Fact]
    public void A_json_file_with_a_key_written_twice_is_read_as_conf_unless_named_json()
    {
        const string Text = """{ "port": 1, "port": 2 }""";

        Assert.Equal(2, TempConfigFolder.Load(_folder.Write("twice.conf", Text)).Options.Port);
        Assert.Throws<ConfigException>(() => TempConfigFolder.Load(_folder.Write("twice.json", Text)));
    }

    [Fact]
    public void A_json_named_file_in_conf_syntax_is_refused_as_json()
    {
        var path = _folder.Write("server.json", "port: 4333");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path));

        Assert.StartsWith($"{path}:1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_keys_are_located_by_line_and_array_index()
    {
        var path = _folder.Write("server.json", "{\n  \"a\": 1,\n  \"b\": [\n    2,\n    { \"c\": 3 }\n  ]\n}");

        var lines = ConfigFileReader.Read(path, _ => null).Lines;

        Assert.Equal(
            [("a", 2), ("b", 3), ("b:0", 4), ("b:1", 5), ("b:1:c", 5)],
            lines.Select(pair => (pair.Key, pair.Value.Line)).Order());
    }

    private ConfigFileContent Read(string name, string text) => ConfigFileReader.Read(_folder.Write(name, text), _ => null);
}
