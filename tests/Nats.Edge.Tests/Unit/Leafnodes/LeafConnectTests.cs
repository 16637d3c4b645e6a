using System.Text;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>A leaf's CONNECT as a hub reads it.</summary>
public class LeafConnectTests
{
    // CONNECT as a nats-server 2.9.10 leaf sent it on the wire.
    private const string CapturedConnect = """
        {"version":"2.9.10","user":"u1","pass":"p1","tls_required":false,"server_id":"NC26…","name":"LEAF","cluster":"LEAF","headers":true}
        """;

    [Fact]
    public void Captured_connect_gives_user_password_name_cluster_and_headers()
    {
        var connect = Parse(CapturedConnect)!;

        Assert.Equal(("u1", "p1"), (connect.User, connect.Password));
        Assert.Equal(("LEAF", "LEAF"), (connect.Name, connect.Cluster));
        Assert.True(connect.Headers);
    }

    [Fact]
    public void Captured_connect_has_no_lang_gateway_token_or_keys()
    {
        var connect = Parse(CapturedConnect)!;

        Assert.Null(connect.Lang);
        Assert.Null(connect.Gateway);
        Assert.Null(connect.Token);
        Assert.Null(connect.Nkey);
        Assert.Null(connect.Jwt);
        Assert.Null(connect.Signature);
        Assert.False(connect.IsHub);
        Assert.Empty(connect.DenyPublish);
    }

    [Fact]
    public void Deny_pub_lists_the_subjects_the_leaf_does_not_want() =>
        Assert.Equal(["admin.>", "$JS.API.>"], Parse("""{"name":"LEAF","deny_pub":["admin.>","$JS.API.>"]}""")!.DenyPublish);

    [Fact]
    public void Deny_pub_that_is_not_a_list_is_ignored() =>
        Assert.Empty(Parse("""{"deny_pub":"admin.>"}""")!.DenyPublish);

    [Fact]
    public void Token_login_gives_the_token() =>
        Assert.Equal("s3cr3t", Parse("""{"user":"s3cr3t","auth_token":"s3cr3t"}""")!.Token);

    [Fact]
    public void Jwt_login_gives_jwt_and_signature()
    {
        var connect = Parse("""{"jwt":"eyJ0.eyJ1.c2ln","sig":"AbC-_d"}""")!;

        Assert.Equal(("eyJ0.eyJ1.c2ln", "AbC-_d"), (connect.Jwt, connect.Signature));
    }

    [Fact]
    public void Nkey_login_gives_nkey_and_signature()
    {
        var connect = Parse("""{"nkey":"UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4","sig":"AbC-_d"}""")!;

        Assert.Equal(("UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4", "AbC-_d"), (connect.Nkey, connect.Signature));
    }

    [Fact]
    public void Client_connect_on_the_leaf_port_shows_its_lang() =>
        Assert.Equal("go", Parse("""{"verbose":false,"pedantic":false,"lang":"go","version":"1.30.0","protocol":1}""")!.Lang);

    [Fact]
    public void Gateway_connect_on_the_leaf_port_shows_its_gateway() =>
        Assert.Equal("B", Parse("""{"gateway":"B","name":"srv-b"}""")!.Gateway);

    [Fact]
    public void Is_hub_is_read() =>
        Assert.True(Parse("""{"is_hub":true}""")!.IsHub);

    [Fact]
    public void Newer_fields_are_ignored() =>
        Assert.Equal("LEAF", Parse("""{"name":"LEAF","remote_account":"$G","compress_mode":"not supported","protocol":3,"isolate":true,"jetstream":false}""")!.Name);

    [Theory]
    [InlineData("[]")]
    [InlineData("\"CONNECT\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void Json_that_is_not_an_object_gives_null(string json) =>
        Assert.Null(Parse(json));

    [Theory]
    [InlineData("")]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    public void Json_that_does_not_parse_gives_null(string json) =>
        Assert.Null(Parse(json));

    [Theory]
    [InlineData("""{"user":1}""")]
    [InlineData("""{"headers":"yes"}""")]
    [InlineData("""{"is_hub":1}""")]
    [InlineData("""{"deny_pub":[1]}""")]
    public void Field_of_the_wrong_type_gives_null(string json) =>
        Assert.Null(Parse(json));

    private static LeafConnect? Parse(string json) => LeafConnect.Parse(Encoding.UTF8.GetBytes(json.Trim()));
}
