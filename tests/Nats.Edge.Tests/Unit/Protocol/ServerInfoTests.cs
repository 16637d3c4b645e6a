using System.Text;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>The fields every server's INFO begins with, read once for every link and written first by each.</summary>
public class ServerInfoTests
{
    // A hub's first INFO as a nats-server 2.9.10 sent it on the wire.
    private const string CapturedInfo = """
        {"server_id":"NC4Y","server_name":"HUB","version":"2.9.10","proto":1,"go":"go1.19.8","host":"127.0.0.1","port":17422,"headers":true,"auth_required":true,"max_payload":1048576,"ip":"127.0.0.1:17422","client_id":6,"nonce":"aeIQz12gHtd599U","info_on_connect":true,"leafnode_urls":["127.0.0.1:17422"]}
        """;

    private const string SharedFieldsWritten =
        "INFO {\"server_id\":\"N\",\"server_name\":\"n\",\"version\":\"2.9.10\",\"proto\":1,\"go\":\"go\",\"host\":\"h\",\"port\":1,\"headers\":true,";

    [Fact]
    public void Every_shared_field_is_read()
    {
        var (shared, _) = Read(CapturedInfo);

        Assert.Equal(("NC4Y", "HUB", "2.9.10", 1, "go1.19.8"), (shared.ServerId, shared.ServerName, shared.Version, shared.Proto, shared.Go));
        Assert.Equal(("127.0.0.1", 17422, true), (shared.Host, shared.Port, shared.Headers));
    }

    [Fact]
    public void A_field_it_does_not_know_is_left_for_the_link_reader() =>
        Assert.Equal("aeIQz12gHtd599U", Read(CapturedInfo).Nonce);

    [Fact]
    public void Missing_fields_keep_their_defaults() =>
        Assert.Equal(default, Read("""{"nonce":"n"}""").Shared);

    [Fact]
    public void Of_two_fields_with_one_name_the_later_wins() =>
        Assert.Equal("B", Read("""{"server_name":"A","server_name":"B"}""").Shared.ServerName);

    [Fact]
    public void A_hub_and_a_route_read_the_same_shared_fields_from_one_info()
    {
        var json = Encoding.UTF8.GetBytes(CapturedInfo.Trim());

        Assert.Equal(Read(CapturedInfo).Shared, SharedOf(HubInfo.Parse(json)!));
        Assert.Equal(Read(CapturedInfo).Shared, SharedOf(RouteInfo.Parse(json)!));
    }

    [Theory]
    [InlineData("""{"server_id":1}""")]
    [InlineData("""{"server_name":true}""")]
    [InlineData("""{"version":2.9}""")]
    [InlineData("""{"proto":"1"}""")]
    [InlineData("""{"go":[]}""")]
    [InlineData("""{"host":{}}""")]
    [InlineData("""{"port":1.5}""")]
    [InlineData("""{"headers":"true"}""")]
    public void A_shared_field_of_the_wrong_type_fails_every_link_info(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Null(HubInfo.Parse(bytes));
        Assert.Null(RouteInfo.Parse(bytes));
    }

    [Fact]
    public void A_hub_writes_the_shared_fields_first_in_nats_server_order() =>
        Assert.StartsWith(
            SharedFieldsWritten + "\"auth_required\":true,",
            Write(new HubInfo { ServerId = "N", ServerName = "n", Version = "2.9.10", Proto = 1, Go = "go", Host = "h", Port = 1, Headers = true, AuthRequired = true }),
            StringComparison.Ordinal);

    [Fact]
    public void A_route_writes_the_shared_fields_first_in_nats_server_order() =>
        Assert.StartsWith(
            SharedFieldsWritten + "\"max_payload\":2,",
            Write(new RouteInfo { ServerId = "N", ServerName = "n", Version = "2.9.10", Proto = 1, Go = "go", Host = "h", Port = 1, Headers = true, MaxPayload = 2 }),
            StringComparison.Ordinal);

    [Fact]
    public void Server_name_and_host_go_out_on_every_link_even_when_unknown()
    {
        const string Unknown = "INFO {\"server_name\":null,\"proto\":0,\"host\":null,\"port\":0,\"headers\":false,";

        Assert.StartsWith(Unknown, Write(new HubInfo()), StringComparison.Ordinal);
        Assert.StartsWith(Unknown, Write(new RouteInfo()), StringComparison.Ordinal);
    }

    // The shared fields as the record a link's reader built holds them.
    private static ServerInfoFields SharedOf(ServerInfo info) => new()
    {
        ServerId = info.ServerId, ServerName = info.ServerName, Version = info.Version, Proto = info.Proto, Go = info.Go,
        Host = info.Host, Port = info.Port, Headers = info.Headers,
    };

    // Reads as a link's reader does: the shared fields, then a name of the link's own.
    private static (ServerInfoFields Shared, string? Nonce) Read(string json)
    {
        var fields = new WireJsonFields(Encoding.UTF8.GetBytes(json.Trim()));
        Assert.True(fields.Open());
        var shared = default(ServerInfoFields);
        string? nonce = null;
        while (fields.Next())
        {
            shared.Read(ref fields);
            fields.Read("nonce"u8, ref nonce);
        }

        Assert.True(fields.End());
        return (shared, nonce);
    }

    private static string Write(HubInfo info) => Encoding.UTF8.GetString(WireJson.Info(info, WireJsonContext.Default.HubInfo));

    private static string Write(RouteInfo info) => Encoding.UTF8.GetString(WireJson.Info(info, WireJsonContext.Default.RouteInfo));
}
