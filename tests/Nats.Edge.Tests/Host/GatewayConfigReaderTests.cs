using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>The gateway block, in the shapes nats-server 2.9 takes, and its checks in nats-server's words.</summary>
public sealed class GatewayConfigReaderTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("server.json", """
        { "gateway": { "name": "EAST", "listen": "127.0.0.1:7250", "advertise": "east.example.com:7222",
                       "gateways": [ { "name": "WEST", "url": "nats://gw:secret@w1:7222" },
                                     { "name": "NORTH", "urls": ["nats://n1:7222", "tls://n2:7222"],
                                       "tls": { "ca_file": "ca.pem", "cert_file": "c.pem", "key_file": "k.pem", "timeout": 3 } } ],
                       "authorization": { "user": "gw", "password": "secret", "timeout": 0.5 },
                       "tls": { "cert_file": "server.pem", "key_file": "server.key", "ca_file": "ca.pem", "verify": true, "timeout": 4 },
                       "connect_retries": 5, "reject_unknown_cluster": true } }
        """)]
    [InlineData("server.conf", """
        gateway {
          name: EAST
          listen: 127.0.0.1:7250
          advertise: "east.example.com:7222"
          gateways: [
            { name: WEST, url: "nats://gw:secret@w1:7222" }
            {
              name: NORTH
              urls: [ "nats://n1:7222", "tls://n2:7222" ]
              tls { ca_file: ca.pem, cert_file: c.pem, key_file: k.pem, timeout: 3 }
            }
          ]
          authorization { user: gw, password: secret, timeout: 0.5 }
          tls {
            cert_file: server.pem
            key_file: server.key
            ca_file: ca.pem
            verify: true
            timeout: 4
          }
          connect_retries: 5
          reject_unknown_cluster: true
        }
        """)]
    public void Gateway_block_reads_the_same_from_json_and_nats_conf(string fileName, string text)
    {
        var gateway = Load(fileName, text).Gateway!;

        Assert.Equal("EAST", gateway.Name);
        Assert.Equal(("127.0.0.1", 7250), (gateway.Host, gateway.Port));
        Assert.Equal("east.example.com:7222", gateway.Advertise);
        Assert.Equal(["WEST", "NORTH"], gateway.Gateways.Select(remote => remote.Name));
        Assert.Equal(["nats://gw:secret@w1:7222/"], gateway.Gateways[0].Urls.Select(url => url.ToString()));
        Assert.Null(gateway.Gateways[0].Tls);
        Assert.Equal(["nats://n1:7222/", "tls://n2:7222/"], gateway.Gateways[1].Urls.Select(url => url.ToString()));
        var remoteTls = gateway.Gateways[1].Tls!;
        Assert.Equal(
            (InFolder("ca.pem"), InFolder("c.pem"), InFolder("k.pem"), TimeSpan.FromSeconds(3)),
            (remoteTls.CaFile, remoteTls.CertificateFile, remoteTls.KeyFile, remoteTls.Timeout));
        Assert.Equal(("gw", "secret", TimeSpan.FromSeconds(0.5)), (gateway.Username, gateway.Password, gateway.AuthTimeout));
        var tls = gateway.Tls!;
        Assert.Equal((InFolder("server.pem"), InFolder("server.key"), InFolder("ca.pem")), (tls.CertificateFile, tls.KeyFile, tls.CaFile));
        Assert.Equal((true, TimeSpan.FromSeconds(4)), (tls.Verify, tls.Timeout));
        Assert.Equal(5, gateway.ConnectRetries);
        Assert.True(gateway.RejectUnknown);
    }

    [Fact]
    public void A_name_and_a_port_are_all_a_gateway_needs_and_the_rest_takes_nats_server_defaults()
    {
        var gateway = Load("server.conf", "gateway { name: EAST, port: 7222 }").Gateway!;

        Assert.Equal(("0.0.0.0", 7222), (gateway.Host, gateway.Port));
        Assert.Null(gateway.Advertise);
        Assert.Empty(gateway.Gateways);
        Assert.Equal((null, null, TimeSpan.FromSeconds(2)), (gateway.Username, gateway.Password, gateway.AuthTimeout));
        Assert.Null(gateway.Tls);
        Assert.Equal(0, gateway.ConnectRetries);
        Assert.False(gateway.RejectUnknown);
    }

    [Fact]
    public void Without_a_gateway_block_there_is_no_gateway() =>
        Assert.Null(Load("server.conf", "port: 4222").Gateway);

    [Theory]
    [InlineData("""{ "gateway": { "name": "EAST", "listen": "127.0.0.1:7250", "host": "10.0.0.5", "port": 7300 } }""")]
    [InlineData("""{ "gateway": { "name": "EAST", "listen": "127.0.0.1:7250", "net": "10.0.0.5", "port": 7300 } }""")]
    public void Host_and_port_keys_win_over_listen(string json)
    {
        var gateway = Load("server.json", json).Gateway!;

        Assert.Equal(("10.0.0.5", 7300), (gateway.Host, gateway.Port));
    }

    [Fact]
    public void A_random_port_is_asked_for_with_minus_one() =>
        Assert.Equal(-1, Load("server.conf", "gateway { name: EAST, listen: \"127.0.0.1:-1\" }").Gateway!.Port);

    [Fact]
    public void Reject_unknown_is_the_older_spelling_of_reject_unknown_cluster() =>
        Assert.True(Load("server.conf", "gateway { name: EAST, port: 7222, reject_unknown: true }").Gateway!.RejectUnknown);

    [Fact]
    public void A_remote_dials_its_url_and_its_urls_and_a_repeated_one_once()
    {
        var remote = Load("server.conf", """
            gateway { name: EAST, port: 7222, gateways: [ { name: WEST, url: "nats://w1:7222", urls: [ "nats://w1:7222", "nats://w2:7222" ] } ] }
            """).Gateway!.Gateways[0];

        Assert.Equal(["nats://w1:7222/", "nats://w2:7222/"], remote.Urls.Select(url => url.ToString()));
    }

    [Fact]
    public void An_empty_remote_tls_block_still_asks_for_tls() =>
        Assert.NotNull(Load("server.json", """
            { "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "name": "WEST", "url": "nats://w1:7222", "tls": {} } ] } }
            """).Gateway!.Gateways[0].Tls);

    [Fact]
    public void A_variable_may_name_the_gateway_in_nats_conf() =>
        Assert.Equal("EAST", Load("server.conf", "region: EAST\ngateway { name: $region, port: 7222 }").Gateway!.Name);

    [Fact]
    public void The_environment_overrides_a_gateway_key()
    {
        var gateway = TempConfigFolder.Load(
            _folder.Write("server.conf", "gateway { name: EAST, port: 7222 }"), overrides: [new("gateway:connect_retries", "9")]).Options.Gateway!;

        Assert.Equal(9, gateway.ConnectRetries);
    }

    [Theory]
    [InlineData("""{ "gateway": { "name": "EAST SIDE", "port": 7222 } }""", "key \"gateway.name\": gateway name cannot contain spaces")]
    [InlineData("""{ "gateway": { "port": 7222 } }""", "key \"gateway\": gateway has no name")]
    [InlineData("""{ "gateway": { } }""", "key \"gateway\": gateway has no name")]
    [InlineData("""{ "gateway": { "name": "EAST" } }""", "key \"gateway\": gateway \"EAST\" has no port specified (select -1 for random port)")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 0 } }""", "gateway \"EAST\" has no port specified (select -1 for random port)")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": "east" } }""", "key \"gateway.port\": \"east\" is not a number")]
    [InlineData("""{ "gateway": { "name": "EAST", "listen": "east" } }""", "key \"gateway.listen\": \"east\" is not host:port")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "connect_retries": "often" } }""", "key \"gateway.connect_retries\": \"often\" is not a number")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "reject_unknown_cluster": "maybe" } }""", "key \"gateway.reject_unknown_cluster\": \"maybe\" is not true or false")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": "nats://w1:7222" } }""", "key \"gateway.gateways\" needs a list")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "url": "nats://w1:7222" } ] } }""", "key \"gateway.gateways.0\": gateway in the list 0 has no name")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "name": "WEST" } ] } }""", "key \"gateway.gateways.0\": gateway \"WEST\" has no URL")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "name": "WEST", "url": "http://w1:7222" } ] } }""", "key \"gateway.gateways.0.url\": \"http://w1:7222\" is not a nats://host:port URL")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "name": "WEST", "urls": ["nats://w1"] } ] } }""", "key \"gateway.gateways.0.urls.0\": \"nats://w1\" is not a nats://host:port URL")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "gateways": [ { "name": "WEST", "url": "nats://w1:7222", "colour": "red" } ] } }""", "unknown configuration key 'gateway.gateways.0.colour'")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "authorization": { "token": "s3cret" } } }""", "key \"gateway.authorization.token\": Gateway authorization does not support tokens")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "authorization": { "users": [ { "user": "a", "password": "b" } ] } } }""", "key \"gateway.authorization.users\": Gateway authorization does not allow multiple users")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "authorization": { "permissions": { "publish": ">" } } } }""", "key \"gateway.authorization.permissions\" is not supported by nats-edge")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "authorization": { "user": "gw", "timeout": "soon" } } }""", "key \"gateway.authorization.timeout\": \"soon\" is not a duration")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "tls": { "ca_file": "ca.pem" } } }""", "key \"gateway.tls\" needs both cert_file and key_file")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "tls": { "cert_file": "c.pem", "key_file": "k.pem", "verify_and_map": true } } }""", "unknown configuration key 'gateway.tls.verify_and_map'")]
    [InlineData("""{ "gateway": { "name": "EAST", "port": 7222, "colour": "blue" } }""", "unknown configuration key 'gateway.colour'")]
    public void Bad_gateway_settings_are_errors_naming_the_key(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Load("server.json", json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_key_in_nats_conf_is_named_with_its_line()
    {
        var error = Assert.Throws<ConfigException>(() => Load("server.conf", "gateway {\n  name: \"EAST SIDE\"\n  port: 7222\n}"));

        Assert.Equal($"{Path.Combine(_folder.FullName, "server.conf")}:2: key \"gateway.name\": gateway name cannot contain spaces", error.Message);
    }

    [Theory]
    [InlineData("server.json", """{ "cluster": { "port": 6222 }, "gateway": { "name": "EAST", "port": 7222 } }""")]
    [InlineData("server.conf", "cluster { port: 6222 }\ngateway { name: EAST, port: 7222 }")]
    public void A_cluster_without_a_name_takes_the_gateway_name(string fileName, string text) =>
        Assert.Equal("EAST", Load(fileName, text).Cluster!.Name);

    [Fact]
    public void A_cluster_with_the_gateway_name_is_accepted() =>
        Assert.Equal("EAST", Load("server.conf", "cluster { name: EAST, port: 6222 }\ngateway { name: EAST, port: 7222 }").Cluster!.Name);

    [Theory]
    [InlineData("server.json", """{ "cluster": { "name": "WEST", "port": 6222 }, "gateway": { "name": "EAST", "port": 7222 } }""")]
    [InlineData("server.conf", "cluster { name: WEST, port: 6222 }\ngateway { name: EAST, port: 7222 }")]
    public void A_cluster_named_other_than_its_gateway_is_a_configuration_error(string fileName, string text)
    {
        var error = Assert.Throws<ConfigException>(() => Load(fileName, text));

        Assert.EndsWith("key \"gateway.name\": cluster name conflicts between cluster and gateway definitions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_name_flag_must_agree_with_the_gateway_name_too()
    {
        var path = _folder.Write("server.conf", "cluster { port: 6222 }\ngateway { name: EAST, port: 7222 }");

        var error = Assert.Throws<ConfigException>(() => TempConfigFolder.Load(path, flags: ["--cluster_name", "WEST"]));

        Assert.Contains("cluster name conflicts between cluster and gateway definitions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gateway_without_a_cluster_block_opens_no_route_port() =>
        Assert.Null(Load("server.conf", "gateway { name: EAST, port: 7222 }").Cluster);

    private string InFolder(string file) => Path.Combine(_folder.FullName, file);

    // The loader as the host calls it, environment included; TempConfigFolder.Load would turn that off.
    private ServerOptions Load(string fileName, string text) => ConfigFileLoader.Load(_folder.Write(fileName, text), []).Options;
}
