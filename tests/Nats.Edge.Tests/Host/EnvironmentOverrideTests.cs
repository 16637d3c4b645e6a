using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>
/// <c>NATS_EDGE_*</c> variables over the config file. The loader takes the override layer as a
/// source, so these tests hand it the keys directly and leave the process environment alone.
/// </summary>
public sealed class EnvironmentOverrideTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_override_replaces_the_files_value()
    {
        var path = _folder.Write("server.conf", "max_payload: 1MB\nserver_name: from-file");

        var options = TempConfigFolder.Load(path, [new("max_payload", "2MB")]).Options;

        Assert.Equal((2 * 1024 * 1024, "from-file"), (options.MaxPayload, options.ServerName));
    }

    [Fact]
    public void A_port_override_replaces_the_port_of_the_files_listen()
    {
        var path = _folder.Write("server.conf", "listen: 10.0.0.1:4444");

        var options = TempConfigFolder.Load(path, [new("port", "4555")]).Options;

        Assert.Equal(("10.0.0.1", 4555), (options.Host, options.Port));
    }

    [Fact]
    public void Overrides_apply_without_a_config_file()
    {
        var options = TempConfigFolder.Load(null, [new("port", "4333"), new("authorization:token", "t0k3n")]).Options;

        Assert.Equal((4333, "t0k3n"), (options.Port, options.AuthorizationToken));
    }

    [Fact]
    public void No_config_file_and_no_overrides_give_the_defaults() =>
        Assert.Equal(CanonicalJson.Of(new ServerOptions()), CanonicalJson.Of(TempConfigFolder.Load(null).Options));

    [Fact]
    public void An_override_reaches_into_a_list_item()
    {
        var path = _folder.Write("server.conf", "leafnodes { remotes: [ { url: \"nats-leaf://old:7422\", deny_imports: [\"a.>\"] } ] }");

        var remote = TempConfigFolder.Load(path, [new("leafnodes:remotes:0:url", "nats-leaf://new:7422")]).Options.Leafnodes!.Remotes[0];

        Assert.Equal(("nats-leaf://new:7422/", "a.>"), (remote.Urls[0].ToString(), remote.DenyImports[0]));
    }

    [Fact]
    public void A_bad_override_names_its_environment_variable()
    {
        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(null, [new("leafnodes:reconnect", "soon")]));

        Assert.Equal(
            "environment variable NATS_EDGE_LEAFNODES__RECONNECT: key \"leafnodes.reconnect\": \"soon\" is not a duration (e.g. 2m, 500ms or seconds)",
            error.Message);
    }

    [Fact]
    public void An_unknown_override_is_dropped_with_a_warning_that_names_its_variable()
    {
        var loaded = TempConfigFolder.Load(null, [new("APT_UPDATED", "1"), new("port", "4333")]);

        Assert.Equal(4333, loaded.Options.Port);
        Assert.Equal(["environment variable NATS_EDGE_APT_UPDATED: unknown configuration key 'apt_updated', ignored"], loaded.Warnings);
    }

    [Fact]
    public void Each_of_several_unknown_overrides_is_warned_about()
    {
        var loaded = TempConfigFolder.Load(null, [new("colour", "blue"), new("shape", "round")]);

        Assert.Equal(
            ["environment variable NATS_EDGE_COLOUR: unknown configuration key 'colour', ignored",
             "environment variable NATS_EDGE_SHAPE: unknown configuration key 'shape', ignored"],
            loaded.Warnings.Order());
    }

    [Fact]
    public void An_unknown_override_inside_a_block_is_dropped_and_the_block_kept()
    {
        var path = _folder.Write("server.conf", "leafnodes { port: 7500 }");

        var loaded = TempConfigFolder.Load(path, [new("LEAFNODES:COLOUR", "blue")]);

        Assert.Equal(7500, loaded.Options.Leafnodes!.Port);
        Assert.Equal(["environment variable NATS_EDGE_LEAFNODES__COLOUR: unknown configuration key 'leafnodes.colour', ignored"], loaded.Warnings);
    }

    [Fact]
    public void An_unknown_key_in_the_file_stays_an_error_beside_a_stray_variable()
    {
        var path = _folder.Write("server.conf", "port: 4333\ncolour: blue");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path, [new("shape", "round")]));

        Assert.Equal($"{path}:2: unknown configuration key 'colour'", error.Message);
    }

    [Fact]
    public void A_known_file_and_environment_load_without_warnings() =>
        Assert.Empty(TempConfigFolder.Load(_folder.Write("server.conf", "port: 4333"), [new("max_payload", "2MB")]).Warnings);
}
