using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>CONNECT's JSON; anything Go's decoder rejects is null.</summary>
public class ConnectOptionsTests
{
    [Fact]
    public void Absent_fields_take_nats_server_defaults()
    {
        var options = Parse("{}");
        Assert.NotNull(options);
        Assert.True(options.Verbose);
        Assert.True(options.Pedantic);
        Assert.True(options.Echo);
        Assert.False(options.Headers);
        Assert.False(options.NoResponders);
        Assert.Equal(0, options.Protocol);
        Assert.Null(options.Name);
        Assert.Null(options.Lang);
        Assert.Null(options.Version);
        Assert.Null(options.AuthToken);
        Assert.Null(options.User);
        Assert.Null(options.Password);
        Assert.Null(options.Account);
        Assert.False(options.NewAccount);
    }

    [Fact]
    public void Options_before_any_connect_are_the_defaults()
    {
        Assert.True(ConnectOptions.Default.Verbose);
        Assert.True(ConnectOptions.Default.Pedantic);
        Assert.True(ConnectOptions.Default.Echo);
        Assert.False(ConnectOptions.Default.Headers);
    }

    [Fact]
    public void Every_known_field_is_read()
    {
        var options = Parse(
            """
            {"verbose":false,"pedantic":false,"echo":false,"headers":true,"no_responders":true,"protocol":1,
             "name":"svc","lang":".NET","version":"2.5.0","auth_token":"t0k","user":"bob","pass":"s3cr3t",
             "account":"A","new_account":true,"tls_required":false}
            """);
        Assert.NotNull(options);
        Assert.False(options.Verbose);
        Assert.False(options.Pedantic);
        Assert.False(options.Echo);
        Assert.True(options.Headers);
        Assert.True(options.NoResponders);
        Assert.Equal(1, options.Protocol);
        Assert.Equal("svc", options.Name);
        Assert.Equal(".NET", options.Lang);
        Assert.Equal("2.5.0", options.Version);
        Assert.Equal("t0k", options.AuthToken);
        Assert.Equal("bob", options.User);
        Assert.Equal("s3cr3t", options.Password);
        Assert.Equal("A", options.Account);
        Assert.True(options.NewAccount);
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        var options = Parse("""{"sig":"abc","x":{"y":[1,{"z":null}]},"jwt":"e30","verbose":false,"n":1.5e3}""");
        Assert.NotNull(options);
        Assert.False(options.Verbose);
    }

    [Fact]
    public void Blanks_around_the_json_are_allowed()
    {
        var options = Parse(" \t{\"verbose\":false} ");
        Assert.NotNull(options);
        Assert.False(options.Verbose);
    }

    [Fact]
    public void Later_duplicate_field_wins() => Assert.True(Parse("""{"verbose":false,"verbose":true}""")!.Verbose);

    [Fact]
    public void Null_string_field_stays_null() => Assert.Null(Parse("""{"name":null}""")!.Name);

    [Theory]
    [InlineData("""{"verbose":"yes"}""")]
    [InlineData("""{"pedantic":1}""")]
    [InlineData("""{"echo":"false"}""")]
    [InlineData("""{"headers":[]}""")]
    [InlineData("""{"protocol":"1"}""")]
    [InlineData("""{"protocol":true}""")]
    [InlineData("""{"name":5}""")]
    [InlineData("""{"user":{}}""")]
    public void Field_of_the_wrong_type_makes_it_invalid(string json) => Assert.Null(Parse(json));

    // Go's decoder rejects a number that does not fit the field's int: the connection closes, no -ERR.
    [Theory]
    [InlineData("""{"protocol":1.5}""")]
    [InlineData("""{"protocol":99999999999}""")]
    [InlineData("""{"protocol":1e0}""")]
    public void Protocol_that_is_not_an_int_makes_it_invalid(string json) => Assert.Null(Parse(json));

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"verbose\"")]
    [InlineData("{} x")]
    [InlineData("{}{}")]
    [InlineData("""{"verbose":}""")]
    [InlineData("""{"verbose":false""")]
    [InlineData("""{"verbose":false,}""")]
    public void Json_that_is_not_one_object_is_invalid(string json) => Assert.Null(Parse(json));

    private static ConnectOptions? Parse(string json) => ConnectOptions.Parse(Encoding.UTF8.GetBytes(json));
}
