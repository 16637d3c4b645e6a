using System.Text;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>A hub's INFO messages as a leaf reads them.</summary>
public class HubInfoTests
{
    // INFO #1 as a nats-server 2.9.10 hub sent it on the wire.
    private const string FirstInfo = """
        {"server_id":"NC4Y…","server_name":"HUB","version":"2.9.10","proto":1,"go":"go1.19.8","host":"127.0.0.1","port":17422,"headers":true,"auth_required":true,"max_payload":1048576,"ip":"127.0.0.1:17422","client_id":6,"nonce":"aeIQz12gHtd599U","info_on_connect":true,"leafnode_urls":["127.0.0.1:17422"]}
        """;

    // INFO #2, after CONNECT: INFO #1 without the nonce, plus connect_info and remote_account.
    private const string SecondInfo = """
        {"server_id":"NC4Y…","server_name":"HUB","version":"2.9.10","proto":1,"go":"go1.19.8","host":"127.0.0.1","port":17422,"headers":true,"auth_required":true,"max_payload":1048576,"ip":"127.0.0.1:17422","client_id":6,"info_on_connect":true,"connect_info":true,"leafnode_urls":["127.0.0.1:17422"],"remote_account":"$G"}
        """;

    [Fact]
    public void First_info_gives_client_id_name_nonce_headers_and_max_payload()
    {
        var info = Parse(FirstInfo)!;

        Assert.Equal(6UL, info.ClientId);
        Assert.Equal("HUB", info.ServerName);
        Assert.Equal("aeIQz12gHtd599U", info.Nonce);
        Assert.True(info.Headers);
        Assert.Equal(1048576, info.MaxPayload);
    }

    [Fact]
    public void First_info_announces_that_a_second_info_follows()
    {
        var info = Parse(FirstInfo)!;

        Assert.True(info.InfoOnConnect);
        Assert.False(info.ConnectInfo);
    }

    [Fact]
    public void First_info_lists_the_hub_leafnode_urls() =>
        Assert.Equal(["127.0.0.1:17422"], Parse(FirstInfo)!.LeafnodeUrls);

    [Fact]
    public void First_info_without_tls_required_is_not_tls() =>
        Assert.False(Parse(FirstInfo)!.TlsRequired);

    [Fact]
    public void Second_info_is_marked_as_the_answer_to_connect_and_has_no_nonce()
    {
        var info = Parse(SecondInfo)!;

        Assert.True(info.ConnectInfo);
        Assert.Null(info.Nonce);
        Assert.Equal(6UL, info.ClientId);
        Assert.Equal(["127.0.0.1:17422"], info.LeafnodeUrls);
    }

    [Fact]
    public void Info_without_leafnode_urls_has_a_null_list() =>
        Assert.Null(Parse("""{"server_id":"N","client_id":3,"max_payload":1048576}""")!.LeafnodeUrls);

    [Fact]
    public void Info_with_an_empty_leafnode_urls_list_has_an_empty_list() =>
        Assert.Equal([], Parse("""{"leafnode_urls":[]}""")!.LeafnodeUrls!);

    [Fact]
    public void Async_info_lists_every_hub_cluster_url_in_order() =>
        Assert.Equal(
            ["10.0.0.1:7422", "10.0.0.2:7422", "10.0.0.3:7422"],
            Parse("""{"leafnode_urls":["10.0.0.1:7422","10.0.0.2:7422","10.0.0.3:7422"]}""")!.LeafnodeUrls);

    [Fact]
    public void Tls_required_is_read() =>
        Assert.True(Parse("""{"tls_required":true,"leafnode_urls":[]}""")!.TlsRequired);

    [Fact]
    public void Missing_fields_keep_their_defaults()
    {
        var info = Parse("{}")!;

        Assert.Equal(0UL, info.ClientId);
        Assert.Null(info.ServerName);
        Assert.Null(info.Nonce);
        Assert.False(info.Headers);
        Assert.False(info.InfoOnConnect);
        Assert.Equal(0, info.MaxPayload);
    }

    [Fact]
    public void Unknown_fields_are_ignored() =>
        Assert.Equal(6UL, Parse("""{"client_id":6,"compression":"s2_auto","api_lvl":1,"import":{"allow":["a"]}}""")!.ClientId);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"INFO\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Json_that_is_not_an_object_gives_null(string json) =>
        Assert.Null(Parse(json));

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"client_id\":}")]
    public void Json_that_does_not_parse_gives_null(string json) =>
        Assert.Null(Parse(json));

    [Theory]
    [InlineData("""{"server_name":5}""")]
    [InlineData("""{"nonce":true}""")]
    [InlineData("""{"leafnode_urls":[1]}""")]
    [InlineData("""{"client_id":-1}""")]
    [InlineData("""{"max_payload":1.5}""")]
    [InlineData("""{"import":["a"]}""")]
    [InlineData("""{"export":{"deny":"b"}}""")]
    public void Field_of_the_wrong_type_gives_null(string json) =>
        Assert.Null(Parse(json));

    private static HubInfo? Parse(string json) => HubInfo.Parse(Encoding.UTF8.GetBytes(json.Trim()));
}
