using System.Text;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Routes;

/// <summary>The CONNECT a dialling server sends on a route, as written and as the accepting side reads it.</summary>
public class RouteConnectTests
{
    // A nats-server 2.9.10 route's CONNECT as it went out on the wire.
    private const string CapturedConnect = """
        {"echo":true,"verbose":false,"pedantic":false,"user":"ru","pass":"rp","tls_required":false,"headers":true,"name":"NB5QMHDAK4STEFGBGIS6ESB7W4SSKMKRPEQLOI6EADLZW3BULZCBJPPJ","cluster":"wire","lnoc":true}
        """;

    [Fact]
    public void Captured_connect_gives_login_cluster_and_no_lang_or_gateway()
    {
        var connect = Parse(CapturedConnect)!;

        Assert.Equal(("ru", "rp"), (connect.User, connect.Password));
        Assert.Equal("wire", connect.Cluster);
        Assert.False(connect.ClusterDynamic);
        Assert.Null(connect.Lang);
        Assert.Null(connect.Gateway);
    }

    [Fact]
    public void Connect_is_written_as_nats_server_writes_it() =>
        Assert.Equal(
            "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,\"user\":\"ru\",\"pass\":\"rp\",\"tls_required\":false,"
            + "\"headers\":true,\"name\":\"NA\",\"cluster\":\"wire\"}\r\n",
            Write(new RouteConnect { Echo = true, User = "ru", Password = "rp", Headers = true, Name = "NA", Cluster = "wire" }));

    [Fact]
    public void Connect_without_login_leaves_user_and_pass_out_and_says_when_the_name_is_dynamic() =>
        Assert.Equal(
            "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,\"tls_required\":false,"
            + "\"headers\":true,\"name\":\"NA\",\"cluster\":\"abc\",\"cluster_dynamic\":true}\r\n",
            Write(new RouteConnect { Echo = true, Headers = true, Name = "NA", Cluster = "abc", ClusterDynamic = true }));

    [Fact]
    public void Connect_read_back_is_the_connect_written()
    {
        var written = new RouteConnect { Echo = true, User = "ru", Password = "", Headers = true, Name = "NA", Cluster = "abc", ClusterDynamic = true };

        Assert.Equal(written, Parse(Write(written)[8..^2]));
    }

    [Fact]
    public void Client_connect_on_the_route_port_shows_its_lang() =>
        Assert.Equal("go", Parse("""{"verbose":false,"pedantic":false,"lang":"go","version":"1.30.0","protocol":1,"jwt":"e30"}""")!.Lang);

    [Theory]
    [InlineData("[]")]
    [InlineData("{bad")]
    [InlineData("""{"user":1}""")]
    [InlineData("""{"cluster_dynamic":"yes"}""")]
    public void Json_that_is_not_a_connect_object_gives_null(string json) => Assert.Null(Parse(json));

    private static string Write(RouteConnect connect) => Encoding.UTF8.GetString(WireJson.Connect(connect, WireJsonContext.Default.RouteConnect));

    private static RouteConnect? Parse(string json) => RouteConnect.Parse(Encoding.UTF8.GetBytes(json.Trim()));
}
