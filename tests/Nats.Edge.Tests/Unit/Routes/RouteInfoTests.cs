using System.Text;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Routes;

/// <summary>A route's INFO: this server's and gossip as written, a peer's as read.</summary>
public class RouteInfoTests
{
    // An accepted route's first INFO as a nats-server 2.9.10 sent it on the wire.
    private const string CapturedInfo = """
        {"server_id":"NB5QMHDAK4STEFGBGIS6ESB7W4SSKMKRPEQLOI6EADLZW3BULZCBJPPJ","server_name":"NB5QMHDAK4STEFGBGIS6ESB7W4SSKMKRPEQLOI6EADLZW3BULZCBJPPJ","version":"2.9.10","proto":2,"go":"go1.19.8","host":"127.0.0.1","port":50187,"headers":true,"max_payload":1048576,"nonce":"lCKED3l-QdWs3OM","cluster":"wire","connect_urls":["127.0.0.1:48593"],"lnoc":true}
        """;

    private static readonly RouteInfo Own = new()
    {
        ServerId = "NA", ServerName = "a", Version = "2.9.10+nats-edge.0.1.0", Proto = 2, Go = ".NET 10", Host = "0.0.0.0", Port = 6222,
        Headers = true, MaxPayload = 1048576, Nonce = "n0nce", AuthRequired = true, Cluster = "wire", ClusterDynamic = true,
        ConnectUrls = ["10.0.0.1:4222"],
    };

    [Fact]
    public void Captured_info_gives_id_name_cluster_address_headers_and_client_urls()
    {
        var info = Parse(CapturedInfo)!;

        Assert.Equal("NB5QMHDAK4STEFGBGIS6ESB7W4SSKMKRPEQLOI6EADLZW3BULZCBJPPJ", info.ServerId);
        Assert.Equal(info.ServerId, info.ServerName);
        Assert.Equal("wire", info.Cluster);
        Assert.False(info.ClusterDynamic);
        Assert.Equal(("127.0.0.1", 50187), (info.Host, info.Port));
        Assert.True(info.Headers);
        Assert.Equal(["127.0.0.1:48593"], info.ConnectUrls!);
        Assert.Null(info.Ip);
    }

    [Fact]
    public void Own_info_is_written_in_field_order_with_the_flags_that_are_set() =>
        Assert.Equal(
            "INFO {\"server_id\":\"NA\",\"server_name\":\"a\",\"version\":\"2.9.10+nats-edge.0.1.0\",\"proto\":2,\"go\":\".NET 10\","
            + "\"host\":\"0.0.0.0\",\"port\":6222,\"headers\":true,\"max_payload\":1048576,\"nonce\":\"n0nce\",\"auth_required\":true,"
            + "\"cluster\":\"wire\",\"cluster_dynamic\":true,\"connect_urls\":[\"10.0.0.1:4222\"]} \r\n",
            Write(Own));

    [Fact]
    public void Flags_that_are_off_and_absent_fields_are_left_out()
    {
        var line = Write(Own with { Nonce = null, AuthRequired = false, ClusterDynamic = false, ConnectUrls = null });

        Assert.DoesNotContain("nonce", line, StringComparison.Ordinal);
        Assert.DoesNotContain("auth_required", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster_dynamic", line, StringComparison.Ordinal);
        Assert.DoesNotContain("connect_urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ip\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Gossip_about_a_peer_that_sent_little_still_names_its_name_host_and_cluster() =>
        Assert.Equal(
            "INFO {\"server_id\":\"NC\",\"server_name\":null,\"proto\":2,\"host\":null,\"port\":3,\"headers\":false,\"cluster\":null,"
            + "\"ip\":\"nats-route://127.0.0.1:3/\"} \r\n",
            Write(new RouteInfo { ServerId = "NC", Proto = 2, Port = 3, Ip = "nats-route://127.0.0.1:3/" }));

    [Fact]
    public void Info_read_back_is_the_info_written()
    {
        var line = Write(Own with { Ip = "nats-route://10.0.0.1:6222/" });
        var read = Parse(line[5..^3])!;

        Assert.Equal(Own.ConnectUrls, read.ConnectUrls!);
        Assert.Equal(Own with { Ip = "nats-route://10.0.0.1:6222/", ConnectUrls = read.ConnectUrls }, read);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"server_id\":")]
    [InlineData("""{"port":"6222"}""")]
    [InlineData("""{"connect_urls":[1]}""")]
    public void Json_that_is_not_an_info_object_gives_null(string json) => Assert.Null(Parse(json));

    private static string Write(RouteInfo info) => Encoding.UTF8.GetString(WireJson.Info(info, WireJsonContext.Default.RouteInfo));

    private static RouteInfo? Parse(string json) => RouteInfo.Parse(Encoding.UTF8.GetBytes(json.Trim()));
}
