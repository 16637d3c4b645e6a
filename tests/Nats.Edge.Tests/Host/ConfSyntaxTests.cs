using System.Text;
using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// Each element of nats-server's config syntax, laid out as the JSON provider lays out the same JSON.
/// </summary>
public sealed class ConfSyntaxTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("port: 4333")]
    [InlineData("port = 4333")]
    [InlineData("port 4333")]
    [InlineData("port:4333")]
    [InlineData("  port\t=\t4333  ")]
    public void Colon_equals_or_whitespace_separate_key_and_value(string text) =>
        Assert.Equal("4333", Value(text, "port"));

    [Theory]
    [InlineData("a { b { c: 1 } }")]
    [InlineData("a: { b: { c: 1 } }")]
    [InlineData("a = {\n  b {\n    c = 1\n  }\n}")]
    public void Nested_blocks_become_colon_paths(string text) => Assert.Equal("1", Value(text, "a:b:c"));

    [Fact]
    public void Block_entries_may_be_separated_by_commas_or_semicolons()
    {
        var conf = _folder.Parse("a { b: 1, c: 2; d: 3 }");

        Assert.Equal(("1", "2", "3"), (Get(conf, "a:b"), Get(conf, "a:c"), Get(conf, "a:d")));
    }

    [Theory]
    [InlineData("list: [x, y, z]")]
    [InlineData("list: [\n  x\n  y\n  z\n]")]
    [InlineData("list [ x, y,\n z, ]")]
    public void Arrays_take_commas_or_new_lines_between_items(string text)
    {
        var conf = _folder.Parse(text);

        Assert.Equal(("x", "y", "z"), (Get(conf, "list:0"), Get(conf, "list:1"), Get(conf, "list:2")));
        Assert.False(conf.TryGet("list:3", out _));
    }

    [Fact]
    public void Arrays_hold_maps()
    {
        var conf = _folder.Parse("users = [\n  { user: alice, password: a1 }\n  { user: bob }\n]");

        Assert.Equal(("alice", "a1", "bob"), (Get(conf, "users:0:user"), Get(conf, "users:0:password"), Get(conf, "users:1:user")));
    }

    [Fact]
    public void Hash_and_double_slash_comments_run_to_the_end_of_the_line()
    {
        var conf = _folder.Parse("""
            # a comment line
            a: 1 # after a value
            // another comment line
            b: 2 // after a value
            list: [
              x # inside an array
            ]
            url: nats://host:4222
            """);

        Assert.Equal(("1", "2", "x"), (Get(conf, "a"), Get(conf, "b"), Get(conf, "list:0")));
        Assert.Equal("nats://host:4222", Get(conf, "url"));
        Assert.Equal(5, conf.Locations.Count);
    }

    [Fact]
    public void Semicolons_and_commas_may_end_a_value() =>
        Assert.Equal(("1", "2"), (Value("a: 1;\nb: 2,", "a"), Value("a: 1;\nb: 2,", "b")));

    [Fact]
    public void Unquoted_strings_end_at_whitespace_and_separators()
    {
        var conf = _folder.Parse("a: [x,y]\nb: {c: d}\ne: f;g: h");

        Assert.Equal(("x", "y", "d"), (Get(conf, "a:0"), Get(conf, "a:1"), Get(conf, "b:c")));
        Assert.Equal(("f", "h"), (Get(conf, "e"), Get(conf, "g")));
    }

    [Fact]
    public void Double_quoted_strings_take_escapes() =>
        Assert.Equal("tab\tnl\ncr\rquote\"slash\\hex\u0041", Value("""a: "tab\tnl\ncr\rquote\"slash\\hex\x41" """, "a"));

    [Fact]
    public void Single_quoted_strings_are_taken_as_written() =>
        Assert.Equal("""no \t escape "here" """, Value("""a: 'no \t escape "here" '""", "a"));

    [Fact]
    public void Block_strings_keep_everything_between_the_parentheses() =>
        Assert.Equal("\nline one\n  line (two)\n  )\n", Value("a: (\nline one\n  line (two)\n  )\n)\nb: 1", "a"));

    [Fact]
    public void Quoted_keys_are_accepted()
    {
        var conf = _folder.Parse("\"quoted key\": 1\n'single': 2");

        Assert.Equal(("1", "2"), (Get(conf, "quoted key"), Get(conf, "single")));
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("TRUE", "true")]
    [InlineData("yes", "true")]
    [InlineData("on", "true")]
    [InlineData("false", "false")]
    [InlineData("No", "false")]
    [InlineData("off", "false")]
    [InlineData("\"yes\"", "yes")]
    public void Unquoted_booleans_in_every_spelling_become_true_or_false(string written, string value) =>
        Assert.Equal(value, Value($"a: {written}", "a"));

    [Theory]
    [InlineData("4222", "4222")]
    [InlineData("-1", "-1")]
    [InlineData("1MB", "1048576")]
    [InlineData("1M", "1000000")]
    [InlineData("1mb", "1048576")]
    [InlineData("1k", "1000")]
    [InlineData("2KiB", "2048")]
    [InlineData("1gb", "1073741824")]
    [InlineData("1G", "1000000000")]
    [InlineData("2m", "2000000")]
    public void Integers_with_size_suffixes_become_byte_counts(string written, string value) =>
        Assert.Equal(value, Value($"a: {written}", "a"));

    [Theory]
    [InlineData("127.0.0.1:4222")]
    [InlineData("10s")]
    [InlineData("1.5")]
    [InlineData("2024-01-02T03:04:05Z")]
    [InlineData("1h30m")]
    [InlineData("500ms")]
    [InlineData("\"1MB\"")]
    public void Digit_led_words_that_are_not_integers_stay_as_written(string written) =>
        Assert.Equal(written.Trim('"'), Value($"a: {written}", "a"));

    [Fact]
    public void A_json_object_reads_as_conf()
    {
        var conf = _folder.Parse("""{ "a": 1, "b": { "c": [true, "x"] } }""");

        Assert.Equal(("1", "true", "x"), (Get(conf, "a"), Get(conf, "b:c:0"), Get(conf, "b:c:1")));
    }

    [Fact]
    public void Empty_block_and_empty_array_lay_out_as_the_json_provider_does()
    {
        var conf = _folder.Parse("block {}\nlist: []");

        Assert.True(conf.TryGet("block", out var block));
        Assert.Null(block);
        Assert.Equal("", Get(conf, "list"));
    }

    [Fact]
    public void A_key_written_twice_keeps_the_later_value()
    {
        var conf = _folder.Parse("a { b: 1 }\na { c: 2 }");

        Assert.Equal("2", Get(conf, "a:c"));
        Assert.False(conf.TryGet("a:b", out _));
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var path = Path.Combine(_folder.FullName, "bom.conf");
        File.WriteAllText(path, "port: 4555\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(4555, TempConfigFolder.Load(path).Options.Port);
    }

    [Fact]
    public void Every_key_and_array_item_knows_its_file_and_line()
    {
        var conf = _folder.Parse("a: 1\n\nb {\n  c: [\n    x\n    { d: 2 }\n  ]\n}");
        var file = Path.Combine(_folder.FullName, "test.conf");

        Assert.Equal(new KeyLocation(file, 1), conf.Locations["a"]);
        Assert.Equal(new KeyLocation(file, 3), conf.Locations["b"]);
        Assert.Equal(new KeyLocation(file, 4), conf.Locations["b:c"]);
        Assert.Equal(new KeyLocation(file, 5), conf.Locations["b:c:0"]);
        Assert.Equal(new KeyLocation(file, 6), conf.Locations["b:c:1:d"]);
    }

    private string? Value(string text, string key) => Get(_folder.Parse(text), key);

    private static string? Get(Nats.Edge.Configuration.Conf.ConfConfigurationProvider conf, string key) =>
        conf.TryGet(key, out var value) ? value : throw new KeyNotFoundException($"no key \"{key}\"");
}
