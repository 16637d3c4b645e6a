using Nats.Edge.Configuration;

namespace Nats.Edge.Tests.Host;

/// <summary>The leafnodes block of a config file, in the shapes nats-server takes, plus nats-edge's allow lists.</summary>
public sealed class LeafnodeConfigReaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-leafnodes-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Listener_authorization_and_reconnect_are_read()
    {
        var leafnodes = Load("""
            { "leafnodes": { "listen": "127.0.0.1:7500", "reconnect": 3,
              "authorization": { "user": "board", "password": "pw", "account": "BOARDS", "timeout": 1.5,
                                 "users": [ { "user": "pi1", "password": "x", "account": "PIS" } ] } },
              "accounts": { "BOARDS": {}, "PIS": {} } }
            """);

        Assert.Equal(("127.0.0.1", 7500), (leafnodes.Host, leafnodes.Port));
        Assert.Equal(TimeSpan.FromSeconds(3), leafnodes.ReconnectDelay);
        Assert.Equal(("board", "pw", "BOARDS"), (leafnodes.Username, leafnodes.Password, leafnodes.Account));
        Assert.Equal(TimeSpan.FromSeconds(1.5), leafnodes.AuthTimeout);
        Assert.Equal(("pi1", "PIS"), (leafnodes.Users[0].Username, leafnodes.Users[0].Account));
    }

    [Theory]
    [InlineData("\"s2_fast\"", "s2_fast")]
    [InlineData("\"better\"", "s2_better")]
    [InlineData("true", "s2_auto")]
    [InlineData("false", "off")]
    [InlineData("\"accept\"", "accept")]
    [InlineData("{ \"mode\": \"best\" }", "s2_best")]
    public void Compression_takes_nats_servers_spellings_in_the_block_and_in_a_remote(string value, string mode)
    {
        var leafnodes = Load($$"""{ "leafnodes": { "compression": {{value}}, "remotes": [ { "url": "nats-leaf://hub:7422", "compression": {{value}} } ] } }""");

        Assert.Equal((mode, mode), (leafnodes.Compression.Mode, leafnodes.Remotes[0].Compression.Mode));
    }

    [Fact]
    public void Compression_defaults_to_s2_auto_and_reads_rtt_thresholds()
    {
        var leafnodes = Load("""
            { "leafnodes": { "remotes": [ { "url": "nats-leaf://hub:7422" },
                { "url": "nats-leaf://sat:7422", "compression": { "mode": "s2_auto", "rtt_thresholds": ["0ms", "100ms", "600ms", "0"] } } ] } }
            """);

        Assert.Equal("s2_auto", leafnodes.Compression.Mode);
        Assert.Equal("s2_auto", leafnodes.Remotes[0].Compression.Mode);
        // None given: nats-server's 10, 50 and 100 ms apply when the link is set up.
        Assert.Empty(leafnodes.Remotes[0].Compression.RttThresholds);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(600)], leafnodes.Remotes[1].Compression.RttThresholds);
    }

    [Theory]
    [InlineData("\"zstd\"", "unsupported compression mode \"zstd\"")]
    [InlineData("{ \"mode\": \"auto\", \"rtt_thresholds\": [\"50ms\", \"10ms\"] }", "should be in ascending order")]
    [InlineData("{ \"mode\": \"auto\", \"rtt_thresholds\": [\"0\"] }", "requires at least one RTT threshold")]
    [InlineData("{ \"mode\": \"auto\", \"rtt_thresholds\": [\"1ms\", \"2ms\", \"3ms\", \"4ms\", \"5ms\"] }", "should have no more than 4 RTT thresholds")]
    public void Compression_errors_are_nats_servers(string value, string error)
    {
        var thrown = Assert.ThrowsAny<Exception>(() => Load($$"""{ "leafnodes": { "compression": {{value}} } }"""));

        Assert.Contains(error, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_reads_its_proxy()
    {
        var proxy = Load("""
            { "leafnodes": { "remotes": [ { "url": "nats-leaf://hub:443",
                "proxy": { "url": "http://proxy.corp:3128", "username": "pi", "password": "p", "timeout": "5s" } } ] } }
            """).Remotes[0].Proxy!;

        Assert.Equal(("http://proxy.corp:3128/", "pi", "p", (TimeSpan?)TimeSpan.FromSeconds(5)), (proxy.Url.ToString(), proxy.Username, proxy.Password, proxy.Timeout));
    }

    [Theory]
    [InlineData("""{ "url": "socks5://proxy:1080" }""", "proxy URL scheme must be http or https, got: socks5")]
    [InlineData("""{ "url": "http://proxy:3128", "username": "pi" }""", "proxy username and password must both be specified or both be empty")]
    [InlineData("""{ "url": "proxy:3128" }""", "proxy URL scheme must be http or https, got: proxy")]
    public void Remote_proxy_errors_are_nats_servers(string block, string error)
    {
        var thrown = Assert.ThrowsAny<Exception>(() => Load($$"""{ "leafnodes": { "remotes": [ { "url": "nats-leaf://hub:7422", "proxy": {{block}} } ] } }"""));

        Assert.Contains(error, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remote_reads_its_timeouts_and_disabled_and_the_block_its_dial_timeout()
    {
        var leafnodes = Load("""
            { "leafnodes": { "dial_timeout": "3s", "remotes": [
                { "url": "nats-leaf://satellite-hub:7422", "dial_timeout": "10s", "first_info_timeout": "30s", "disabled": true },
                { "url": "nats-leaf://hub:7422" } ] } }
            """);

        Assert.Equal(TimeSpan.FromSeconds(3), leafnodes.DialTimeout);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), true), (leafnodes.Remotes[0].DialTimeout, leafnodes.Remotes[0].FirstInfoTimeout, leafnodes.Remotes[0].Disabled));
        Assert.Equal(((TimeSpan?)null, TimeSpan.FromSeconds(2), false), (leafnodes.Remotes[1].DialTimeout, leafnodes.Remotes[1].FirstInfoTimeout, leafnodes.Remotes[1].Disabled));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("\"auto\"", true)]
    [InlineData("\"off\"", false)]
    public void Remote_tls_reads_handshake_first(string value, bool first)
    {
        var remote = Load($$"""{ "leafnodes": { "remotes": [ { "url": "nats-leaf://hub:7422", "tls": { "handshake_first": {{value}} } } ] } }""").Remotes[0];

        Assert.Equal(first, remote.Tls!.HandshakeFirst);
    }

    [Fact]
    public void Remote_reads_urls_lists_credentials_and_tls_with_paths_from_the_config_folder()
    {
        var remote = Load("""
            { "leafnodes": { "remotes": [ {
                "urls": ["nats-leaf://hub-1:7422", "hub-2"], "account": "$G", "credentials": "board.creds",
                "tls": { "ca_file": "ca.pem", "cert_file": "c.pem", "key_file": "k.pem" },
                "deny_imports": "admin.>", "deny_exports": ["secrets.>", "logs.>"],
                "allow_imports": ["commands.>"], "allow_exports": "sensors.>" } ] } }
            """).Remotes[0];

        Assert.Equal(["nats-leaf://hub-1:7422/", "nats-leaf://hub-2/"], remote.Urls.Select(url => url.ToString()));
        Assert.Equal(Path.Combine(_directory.FullName, "board.creds"), remote.CredentialsFile);
        Assert.Equal(Path.Combine(_directory.FullName, "ca.pem"), remote.Tls!.CaFile);
        Assert.False(remote.Tls.HandshakeFirst);
        Assert.Equal(["admin.>"], remote.DenyImports);
        Assert.Equal(["secrets.>", "logs.>"], remote.DenyExports);
        Assert.Equal(["commands.>"], remote.AllowImports!);
        Assert.Equal(["sensors.>"], remote.AllowExports!);
    }

    [Theory]
    [InlineData("""{ "leafnodes": { "remotes": [ { "account": "$G" } ] } }""", "a remote needs \"url\" or \"urls\"")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "url": "http://hub" } ] } }""", "is not a nats-leaf://")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "url": "hub", "colour": "red" } ] } }""", "unknown configuration key 'leafnodes.remotes.0.colour'")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "url": "hub", "hub": true } ] } }""", "is not supported by nats-edge")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "url": "hub", "nkey": "not-a-seed" } ] } }""", "not a valid seed")]
    public void Bad_leafnode_settings_name_the_key(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Load(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private Nats.Edge.Server.Configuration.LeafnodeOptions Load(string json)
    {
        var path = Path.Combine(_directory.FullName, "server.json");
        File.WriteAllText(path, json);
        return ConfigFileLoader.Load(path, []).Options.Leafnodes!;
    }
}
