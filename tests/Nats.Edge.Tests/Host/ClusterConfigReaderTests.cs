using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>The cluster block and flags, in the shapes nats-server takes.</summary>
public sealed class ClusterConfigReaderTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("server.json", """
        { "cluster": { "name": "garage", "listen": "127.0.0.1:6250",
                       "routes": ["nats-route://a:6222", "nats-route://ruser:rpass@b:6222"],
                       "authorization": { "user": "ruser", "password": "rpass", "timeout": 0.5 },
                       "no_advertise": true, "connect_retries": 3 } }
        """)]
    [InlineData("server.conf", """
        cluster {
          name: garage
          listen: 127.0.0.1:6250
          routes: [
            nats-route://a:6222
            nats-route://ruser:rpass@b:6222
          ]
          authorization { user: ruser, password: rpass, timeout: 0.5 }
          no_advertise: true
          connect_retries: 3
        }
        """)]
    public void Cluster_block_reads_the_same_from_json_and_nats_conf(string fileName, string text)
    {
        var cluster = Load(fileName, text);

        Assert.Equal("garage", cluster.Name);
        Assert.Equal(("127.0.0.1", 6250), (cluster.Host, cluster.Port));
        Assert.Equal(["nats-route://a:6222/", "nats-route://ruser:rpass@b:6222/"], cluster.Routes.Select(url => url.ToString()));
        Assert.Equal(("ruser", "rpass", TimeSpan.FromSeconds(0.5)), (cluster.Username, cluster.Password, cluster.AuthTimeout));
        Assert.True(cluster.NoAdvertise);
        Assert.Equal(3, cluster.ConnectRetries);
    }

    [Theory]
    [InlineData("server.json", """{ "cluster": { "name": "garage" } }""", "accept")]
    [InlineData("server.json", """{ "cluster": { "compression": true } }""", "s2_fast")]
    [InlineData("server.json", """{ "cluster": { "compression": "off" } }""", "off")]
    [InlineData("server.json", """{ "cluster": { "compression": { "mode": "best" } } }""", "s2_best")]
    [InlineData("server.conf", "cluster { compression: s2_auto }", "s2_auto")]
    [InlineData("server.conf", "cluster { compression: { mode: s2_better } }", "s2_better")]
    public void Compression_defaults_to_accept_and_on_means_s2_fast_on_routes(string fileName, string text, string mode)
    {
        Assert.Equal(mode, Load(fileName, text).Compression.Mode);
    }

    [Fact]
    public void Route_compression_reads_rtt_thresholds()
    {
        var cluster = Load("server.json", """{ "cluster": { "compression": { "mode": "s2_auto", "rtt_thresholds": ["5ms", "20ms", "80ms"] } } }""");

        Assert.Equal([TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80)], cluster.Compression.RttThresholds);
    }

    [Theory]
    [InlineData("""{ "cluster": { "compression": "zstd" } }""", "unsupported compression mode \"zstd\"")]
    [InlineData("""{ "cluster": { "routes": ["http://a:6222"] } }""", "is not a nats-route://host:port URL")]
    [InlineData("""{ "cluster": { "pool_size": 3 } }""", "not supported by nats-edge")]
    [InlineData("""{ "cluster": { "colour": "blue" } }""", "colour")]
    public void Bad_cluster_keys_are_errors_naming_the_key(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Load("server.json", json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_flags_are_nats_server_flags()
    {
        var cluster = TempConfigFolder.Load(
            null, flags: ["--cluster", "nats://ruser:rpass@127.0.0.1:-1", "--routes", "nats-route://a:6222, nats-route://b:6222", "--cluster_name", "garage"]).Options.Cluster!;

        Assert.Equal(("127.0.0.1", 0, "ruser", "rpass"), (cluster.Host, cluster.Port, cluster.Username, cluster.Password));
        Assert.Equal(["nats-route://a:6222/", "nats-route://b:6222/"], cluster.Routes.Select(url => url.ToString()));
        Assert.Equal("garage", cluster.Name);
    }

    // The loader as the host calls it, environment included; TempConfigFolder.Load would turn that off.
    private ClusterOptions Load(string fileName, string text) => ConfigFileLoader.Load(_folder.Write(fileName, text), []).Options.Cluster!;
}
