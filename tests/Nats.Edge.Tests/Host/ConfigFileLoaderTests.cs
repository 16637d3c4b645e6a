using System.Text;
using Nats.Edge.Configuration;

namespace Nats.Edge.Tests.Host;

public sealed class ConfigFileLoaderTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("nats-edge-config-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Every_key_binds_to_its_option()
    {
        var config = Load("""
            {
              "host": "127.0.0.1", "port": 4333, "server_name": "pi-kitchen",
              "max_payload": "512KB", "max_control_line": 2048, "max_pending": "32MB",
              "max_connections": 100, "max_subscriptions": 50,
              "ping_interval": "30s", "ping_max": 3, "write_deadline": "5s", "no_header_support": true,
              "debug": true, "trace": true, "logfile": "/var/log/nats-edge.log",
              "authorization": { "user": "board", "password": "s3cret", "timeout": 1.5 }
            }
            """);

        var options = config.Options;
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(4333, options.Port);
        Assert.Equal("pi-kitchen", options.ServerName);
        Assert.Equal(512 * 1024, options.MaxPayload);
        Assert.Equal(2048, options.MaxControlLine);
        Assert.Equal(32L * 1024 * 1024, options.MaxPending);
        Assert.Equal(100, options.MaxConnections);
        Assert.Equal(50, options.MaxSubscriptions);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PingInterval);
        Assert.Equal(3, options.MaxPingsOutstanding);
        Assert.Equal(TimeSpan.FromSeconds(5), options.WriteDeadline);
        Assert.True(options.NoHeaderSupport);
        Assert.Equal("board", options.Username);
        Assert.Equal("s3cret", options.Password);
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.AuthTimeout);
        Assert.True(config.Host.Debug);
        Assert.True(config.Host.Trace);
        Assert.Equal("/var/log/nats-edge.log", config.Host.LogFile);
    }

    [Fact]
    public void Absent_keys_keep_nats_server_defaults()
    {
        var options = Load("{}").Options;

        Assert.Equal("0.0.0.0", options.Host);
        Assert.Equal(4222, options.Port);
        Assert.Equal(1024 * 1024, options.MaxPayload);
        Assert.Equal(TimeSpan.FromMinutes(2), options.PingInterval);
    }

    [Theory]
    [InlineData("\"127.0.0.1:4444\"", "127.0.0.1", 4444)]
    [InlineData("\":4444\"", "0.0.0.0", 4444)]
    [InlineData("\"[::1]:4444\"", "::1", 4444)]
    public void Listen_sets_host_and_port(string listen, string host, int port)
    {
        var options = Load($$"""{ "listen": {{listen}} }""").Options;

        Assert.Equal(host, options.Host);
        Assert.Equal(port, options.Port);
    }

    [Theory]
    [InlineData("""{ "listen": "10.0.0.1:4444", "port": 4555 }""", "10.0.0.1", 4555)]
    [InlineData("""{ "listen": "10.0.0.1:4444", "host": "127.0.0.1" }""", "127.0.0.1", 4444)]
    [InlineData("""{ "cluster": { "listen": "10.0.0.1:6250", "port": 6260 } }""", "10.0.0.1", 6260)]
    [InlineData("""{ "leafnodes": { "listen": "10.0.0.1:7422", "host": "127.0.0.1" } }""", "127.0.0.1", 7422)]
    public void Host_and_port_keys_win_over_the_parts_of_listen(string json, string host, int port)
    {
        var options = Load(json).Options;

        var listener = options.Cluster is { } cluster ? (cluster.Host, cluster.Port)
            : options.Leafnodes is { } leafnodes ? (leafnodes.Host, leafnodes.Port!.Value)
            : (options.Host, options.Port);
        Assert.Equal((host, port), listener);
    }

    [Theory]
    [InlineData("""{ "http_port": 8222 }""", null, 8222)]
    [InlineData("""{ "monitor_port": 8222 }""", null, 8222)]
    [InlineData("""{ "http": 8222 }""", null, 8222)]
    [InlineData("""{ "http": "127.0.0.1:8222" }""", "127.0.0.1", 8222)]
    [InlineData("""{ "http": "127.0.0.1:8222", "http_port": -1 }""", "127.0.0.1", -1)]
    public void Monitoring_keys_set_host_and_port(string json, string? host, int port)
    {
        var options = Load(json).Options;

        Assert.Equal(host, options.HttpHost);
        Assert.Equal(port, options.HttpPort);
    }

    [Fact]
    public void Monitoring_is_off_without_its_keys() => Assert.Equal(0, Load("{}").Options.HttpPort);

    [Fact]
    public void Http_base_path_binds() => Assert.Equal("/nats", Load("""{ "http_base_path": "/nats" }""").Options.HttpBasePath);

    [Theory]
    [InlineData("""{ "https_port": 8443 }""", "https_port")]
    [InlineData("""{ "https": "127.0.0.1:8443" }""", "https")]
    public void Https_monitoring_is_refused_as_not_supported(string json, string key)
    {
        var error = Assert.Throws<ConfigException>(() => Load(json));

        Assert.Contains($"\"{key}\": HTTPS monitoring is not supported by nats-edge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Token_authorization_binds()
    {
        Assert.Equal("t0k3n", Load("""{ "authorization": { "token": "t0k3n" } }""").Options.AuthorizationToken);
    }

    [Fact]
    public void Tls_block_binds_with_paths_relative_to_the_file()
    {
        var options = Load("""
            { "tls": { "cert_file": "certs/server.pem", "key_file": "certs/server-key.pem", "ca_file": "/etc/ca.pem", "verify": true, "timeout": 3 } }
            """).Options;

        Assert.NotNull(options.Tls);
        Assert.Equal(Path.Combine(_directory.FullName, "certs/server.pem"), options.Tls.CertificateFile);
        Assert.Equal(Path.Combine(_directory.FullName, "certs/server-key.pem"), options.Tls.KeyFile);
        Assert.Equal("/etc/ca.pem", options.Tls.CaFile);
        Assert.True(options.Tls.Verify);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Tls.Timeout);
    }

    [Fact]
    public void Tls_block_without_a_key_is_refused()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "tls": { "cert_file": "server.pem" } }"""));

        Assert.Contains("key_file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var path = Path.Combine(_directory.FullName, "bom.json");
        File.WriteAllText(path, """{ "port": 4555 }""", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(4555, ConfigFileLoader.Load(path, []).Options.Port);
    }

    [Fact]
    public void An_unknown_key_is_refused_by_name()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""{ "port": 4222, "colour": "blue" }"""));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("edge.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_refused_with_its_line()
    {
        var error = Assert.Throws<ConfigException>(() => Load("{\n  \"port\": 4222,\n  \"host\": \n}"));

        Assert.Contains("edge.json:4: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "max_payload": "huge" }""", "max_payload")]
    [InlineData("""{ "ping_interval": "often" }""", "ping_interval")]
    [InlineData("""{ "listen": "nowhere" }""", "listen")]
    [InlineData("""{ "http": "nowhere" }""", "http")]
    public void Bad_values_are_refused_by_key(string json, string key)
    {
        var error = Assert.Throws<ConfigException>(() => Load(json));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        Assert.Throws<ConfigException>(() => ConfigFileLoader.Load(Path.Combine(_directory.FullName, "absent.json"), []));
    }

    private LoadedConfig Load(string json)
    {
        var path = Path.Combine(_directory.FullName, "edge.json");
        File.WriteAllText(path, json);
        return ConfigFileLoader.Load(path, []);
    }
}
