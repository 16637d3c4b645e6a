using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>CONNECT's JSON (spec §4): nats-server's defaults, and what makes it close silently.</summary>
public sealed class ConnectOptionsTests
{
    [Fact]
    public void Absent_fields_default_to_verbose_pedantic_and_echo()
    {
        var options = Parse("{}")!;

        Assert.True(options.Verbose);
        Assert.True(options.Pedantic);
        Assert.True(options.Echo);
        Assert.False(options.Headers);
        Assert.False(options.NoResponders);
        Assert.Equal(0, options.Protocol);
    }

    [Fact]
    public void Every_known_field_is_read_and_unknown_ones_ignored()
    {
        var options = Parse("""
            {"verbose":false,"pedantic":false,"echo":false,"headers":true,"no_responders":true,"protocol":1,
             "name":"pi","lang":".NET","version":"3.3.2","auth_token":"t","user":"u","pass":"p",
             "tls_required":false,"future_field":{"nested":[1,2]}}
            """)!;

        Assert.False(options.Verbose || options.Pedantic || options.Echo);
        Assert.True(options.Headers && options.NoResponders);
        Assert.Equal(1, options.Protocol);
        Assert.Equal(("pi", ".NET", "3.3.2"), (options.Name, options.Lang, options.Version));
        Assert.Equal(("t", "u", "p"), (options.AuthToken, options.User, options.Password));
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"verbose\":\"yes\"}")]
    [InlineData("{\"protocol\":\"1\"}")]
    [InlineData("{} {}")]
    public void Anything_but_a_well_typed_object_is_refused(string json) => Assert.Null(Parse(json));

    private static ConnectOptions? Parse(string json) => ConnectOptions.Parse(Encoding.UTF8.GetBytes(json));
}
