using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Protocol;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>What every wire record's reader does with bytes that are not JSON text.</summary>
public class WireJsonTests
{
    // A string that is not UTF-8: the reader must say null, not throw into the connection's loop.
    private static readonly byte[] NotUtf8 = [.. "{\"name\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

    [Fact]
    public void Client_connect_with_a_string_that_is_not_utf8_gives_null() => Assert.Null(ConnectOptions.Parse(NotUtf8));

    [Fact]
    public void Leaf_connect_with_a_string_that_is_not_utf8_gives_null() => Assert.Null(LeafConnect.Parse(NotUtf8));

    [Fact]
    public void Route_connect_with_a_string_that_is_not_utf8_gives_null() => Assert.Null(RouteConnect.Parse(NotUtf8));

    [Fact]
    public void Escaped_field_names_are_read_as_go_reads_them() => Assert.False(ConnectOptions.Parse("""{"verb\u006fse":false}"""u8)!.Verbose);
}
