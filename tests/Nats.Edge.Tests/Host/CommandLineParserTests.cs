using Nats.Edge.CommandLine;
using Nats.Edge.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>The command line, read as nats-server's: what each flag sets, as the options it leads to.</summary>
public sealed class CommandLineParserTests
{
    [Theory]
    [InlineData("-p", "4333")]
    [InlineData("--port", "4333")]
    [InlineData("-p=4333")]
    [InlineData("--port=4333")]
    public void Port_is_read_in_every_spelling_go_flags_accept(params string[] args) =>
        Assert.Equal(4333, Load(args).Options.Port);

    [Fact]
    public void Leafnode_flag_takes_hub_urls_and_may_repeat()
    {
        var remotes = Load("--leafnode", "nats-leaf://u:p@hub-1:7422", "--leafnode=hub-2").Options.Leafnodes!.Remotes;

        Assert.Equal(["nats-leaf://u:p@hub-1:7422/", "nats-leaf://hub-2/"], remotes.SelectMany(remote => remote.Urls).Select(url => url.ToString()));
    }

    [Fact]
    public void Leafnode_flag_refuses_a_url_of_another_scheme() =>
        Assert.Contains("not a nats-leaf://", Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(["--leafnode", "http://hub"])).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("-m", "8222")]
    [InlineData("--http_port", "8222")]
    [InlineData("-m=8222")]
    public void Monitoring_port_is_read_from_m_and_http_port(params string[] args) =>
        Assert.Equal(8222, Load(args).Options.HttpPort);

    [Theory]
    [InlineData("-ms")]
    [InlineData("--https_port")]
    public void Https_monitoring_flag_is_refused_as_not_supported(string flag) =>
        Assert.Contains("not supported by nats-edge", Assert.Throws<CommandLineException>(() => CommandLineParser.Parse([flag, "8443"])).Message, StringComparison.Ordinal);

    [Fact]
    public void Port_minus_one_asks_for_a_random_port() =>
        Assert.Equal(-1, Load("-p", "-1").Options.Port);

    [Fact]
    public void Every_server_flag_maps_to_its_setting()
    {
        string[] args = ["-a", "127.0.0.1", "-n", "pi-kitchen", "-l", "edge.log", "--user", "u", "--pass", "p", "--auth", "t", "--max_payload", "64KB"];

        var loaded = Load(args);

        Assert.Equal("edge.json", CommandLineParser.Parse([.. args, "-c", "edge.json"]).ConfigFile);
        Assert.Equal("127.0.0.1", loaded.Options.Host);
        Assert.Equal("pi-kitchen", loaded.Options.ServerName);
        Assert.Equal("edge.log", loaded.Host.LogFile);
        Assert.Equal("u", loaded.Options.Username);
        Assert.Equal("p", loaded.Options.Password);
        Assert.Equal("t", loaded.Options.AuthorizationToken);
        Assert.Equal(65536, loaded.Options.MaxPayload);
    }

    [Theory]
    [InlineData("--addr")]
    [InlineData("--net")]
    public void Address_has_nats_server_aliases(string flag) =>
        Assert.Equal("::1", Load(flag, "::1").Options.Host);

    [Theory]
    [InlineData("--name")]
    [InlineData("--server_name")]
    public void Name_has_nats_server_aliases(string flag) =>
        Assert.Equal("edge", Load(flag, "edge").Options.ServerName);

    [Fact]
    public void Debug_and_trace_flags_combine()
    {
        Assert.True(Load("-D").Host.Debug);
        Assert.True(Load("-V").Host.Trace);
        var both = Load("-DV").Host;
        Assert.True(both.Debug && both.Trace);
        Assert.False(Load("-D=false").Host.Debug);
    }

    [Fact]
    public void Help_and_version_are_recognised()
    {
        Assert.True(CommandLineParser.Parse(["-h"]).ShowHelp);
        Assert.True(CommandLineParser.Parse(["--help"]).ShowHelp);
        Assert.True(CommandLineParser.Parse(["-v"]).ShowVersion);
        Assert.True(CommandLineParser.Parse(["--version"]).ShowVersion);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("stray")]
    public void Unknown_flags_are_refused_with_their_name(string flag)
    {
        var error = Assert.Throws<CommandLineException>(() => CommandLineParser.Parse([flag]));
        Assert.Contains(flag.TrimStart('-'), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p", "abc")]
    [InlineData("-p", "70000")]
    [InlineData("--max_payload", "lots")]
    [InlineData("-D=maybe")]
    public void Bad_values_are_refused(params string[] args) =>
        Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(args));

    [Fact]
    public void A_flag_missing_its_value_is_refused()
    {
        var error = Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(["-p"]));
        Assert.Contains("needs an argument", error.Message, StringComparison.Ordinal);
    }

    private static LoadedConfig Load(params string[] args) => TempConfigFolder.Load(null, flags: args);
}
