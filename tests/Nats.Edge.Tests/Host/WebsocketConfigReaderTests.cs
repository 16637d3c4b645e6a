using Nats.Edge.Configuration;
using Nats.Edge.Server.Configuration;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Host;

/// <summary>The websocket block and websocket leafnode remotes, in nats-server 2.9's keys, and its checks in its words.</summary>
public sealed class WebsocketConfigReaderTests : IDisposable
{
    private readonly TempConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("server.json", """
        { "websocket": { "listen": "127.0.0.1:8443", "tls": { "cert_file": "ws.pem", "key_file": "ws.key", "ca_file": "ca.pem", "verify": true, "timeout": 3 },
                         "same_origin": true, "allowed_origins": ["https://dashboard.lan", "http://pi.lan:8080"],
                         "handshake_timeout": "5s", "compression": true } }
        """)]
    [InlineData("server.conf", """
        ws {
          listen: 127.0.0.1:8443
          tls { cert_file: ws.pem, key_file: ws.key, ca_file: ca.pem, verify: true, timeout: 3 }
          same_origin: true
          allowed_origins: [ "https://dashboard.lan", "http://pi.lan:8080" ]
          handshake_timeout: 5
          compression: true
        }
        """)]
    public void Websocket_block_reads_the_same_from_json_and_nats_conf(string fileName, string text)
    {
        var websocket = Load(fileName, text).Websocket!;

        Assert.Equal(("127.0.0.1", 8443), (websocket.Host, websocket.Port));
        var tls = websocket.Tls!;
        Assert.Equal((InFolder("ws.pem"), InFolder("ws.key"), InFolder("ca.pem")), (tls.CertificateFile, tls.KeyFile, tls.CaFile));
        Assert.Equal((true, TimeSpan.FromSeconds(3)), (tls.Verify, tls.Timeout));
        Assert.True(websocket.SameOrigin);
        Assert.Equal(["https://dashboard.lan", "http://pi.lan:8080"], websocket.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(5), websocket.HandshakeTimeout);
        Assert.True(websocket.Compression);
    }

    [Fact]
    public void A_port_and_no_tls_are_all_a_plain_websocket_port_needs()
    {
        var websocket = Load("server.conf", "websocket { port: 8080, no_tls: true }").Websocket!;

        Assert.Equal(("0.0.0.0", 8080, null), (websocket.Host, websocket.Port, websocket.Tls));
        Assert.False(websocket.SameOrigin);
        Assert.Empty(websocket.AllowedOrigins);
        Assert.Equal(TimeSpan.FromSeconds(2), websocket.HandshakeTimeout);
        Assert.False(websocket.Compression);
    }

    [Theory]
    [InlineData("server.json", """{ "websocket": { "port": 8080, "no_tls": true, "compress": true } }""")]
    [InlineData("server.conf", "websocket { port: 8080, no_tls: true, compress: true }")]
    public void Compress_is_nats_server_other_spelling_of_compression(string fileName, string text)
    {
        Assert.True(Load(fileName, text).Websocket!.Compression);
    }

    [Theory]
    [InlineData("server.json", """{ "leafnodes": { "remotes": [ { "url": "ws://hub:8080", "ws_compression": true } ] } }""")]
    [InlineData("server.json", """{ "leafnodes": { "remotes": [ { "url": "ws://hub:8080", "websocket_compress": true } ] } }""")]
    [InlineData("server.conf", "leafnodes { remotes: [ { url: \"wss://hub\", ws_compress: true } ] }")]
    [InlineData("server.conf", "leafnodes { remotes: [ { url: \"wss://hub\", websocket_compression: true } ] }")]
    public void A_websocket_remote_offers_compression_under_any_of_nats_server_keys(string fileName, string text)
    {
        Assert.True(Load(fileName, text).Leafnodes!.Remotes[0].WebSocketCompression);
    }

    [Fact]
    public void A_websocket_remote_does_not_offer_compression_unless_asked()
    {
        Assert.False(Load("server.conf", "leafnodes { remotes: [ { url: \"ws://hub:8080\" } ] }").Leafnodes!.Remotes[0].WebSocketCompression);
    }

    [Fact]
    public void A_block_without_a_port_opens_nothing_as_in_nats_server()
    {
        Assert.Null(Load("server.conf", "websocket { same_origin: true }").Websocket);
        Assert.Null(Load("server.conf", "port: 4222").Websocket);
    }

    [Theory]
    [InlineData("""{ "websocket": { "port": 8080 } }""", "key \"websocket\": websocket requires TLS configuration")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": false } }""", "key \"websocket\": websocket requires TLS configuration")]
    [InlineData("""{ "websocket": { "port": 8080, "tls": { "cert_file": "ws.pem" } } }""", "key \"websocket.tls\" needs both cert_file and key_file")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "authorization": { "token": "t" } } }""", "key \"websocket.authorization\" is not supported by nats-edge")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "no_auth_user": "guest" } }""", "key \"websocket.no_auth_user\" is not supported by nats-edge")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "compression": "yes" } }""", "key \"websocket.compression\"")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "jwt_cookie": "jwt" } }""", "key \"websocket.jwt_cookie\" is not supported by nats-edge")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "advertise": "pi.lan:443" } }""", "key \"websocket.advertise\" is not supported by nats-edge")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "allowed_origins": ["dashboard"] } }""", "key \"websocket.allowed_origins.0\": unable to parse allowed origin")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "handshake_timeout": "soon" } }""", "key \"websocket.handshake_timeout\": \"soon\" is not a duration")]
    [InlineData("""{ "websocket": { "port": 8080, "no_tls": true, "colour": "blue" } }""", "unknown configuration key 'websocket.colour'")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "urls": ["ws://hub:8080", "nats-leaf://hub:7422"] } ] } }""",
        "remote leaf node configuration cannot have a mix of websocket and non-websocket urls")]
    [InlineData("""{ "leafnodes": { "remotes": [ { "url": "ws://hub:8080", "ws_no_masking": true } ] } }""", "key \"leafnodes.remotes.0.ws_no_masking\" is not supported by nats-edge")]
    public void Bad_websocket_settings_are_errors_naming_the_key(string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Load("server.json", json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Websocket_remotes_take_ws_and_wss_urls_with_their_default_ports()
    {
        var remote = Load("server.json", """{ "leafnodes": { "remotes": [ { "urls": ["ws://hub:8080", "wss://hub2", "ws://hub3"] } ] } }""").Leafnodes!.Remotes[0];

        Assert.Equal([("ws", 8080), ("wss", 443), ("ws", 80)], remote.Urls.Select(static url => (url.Scheme, url.Port)));
    }

    private ServerOptions Load(string fileName, string text) => ConfigFileLoader.Load(_folder.Write(fileName, text), []).Options;

    private string InFolder(string file) => Path.Combine(_folder.FullName, file);
}
