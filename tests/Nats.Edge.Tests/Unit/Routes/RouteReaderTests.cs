using Nats.Edge.Server.Protocol;
using Nats.Edge.Tests.Unit.Protocol;

namespace Nats.Edge.Tests.Unit.Routes;

/// <summary>
/// The route dialect: RS+, RS-, RMSG and HMSG name their account first, and the rest reads as a
/// leafnode link's op. Every input is also read split at every byte, in every buffer shape.
/// </summary>
public class RouteReaderTests
{
    private static readonly ReaderSetup Route = new() { Dialect = ProtocolDialect.Route };

    [Fact]
    public void Rs_plus_names_the_account_then_the_subject() =>
        Assert.Equal(["RS+ $G foo"], EverySplit.Read("RS+ $G foo\r\n", Route));

    [Fact]
    public void Rs_plus_with_a_queue_carries_its_weight() =>
        Assert.Equal(["RS+ ACC foo q 3"], EverySplit.Read("RS+ ACC foo q 3\r\n", Route));

    [Fact]
    public void Rs_minus_with_a_queue_withdraws_queue_interest() =>
        Assert.Equal(["RS- ACC foo q"], EverySplit.Read("RS- ACC foo q\r\n", Route));

    [Fact]
    public void Rmsg_with_plus_carries_account_reply_and_queue_names() =>
        Assert.Equal(["RMSG $G subj reply (queues: q1 q2) 3 [abc]"], EverySplit.Read("RMSG $G subj + reply q1 q2 3\r\nabc\r\n", Route));

    [Fact]
    public void Hmsg_on_a_route_names_its_account() =>
        Assert.Equal(["HMSG $G subj 12 14 [NATS/1.0\\r\\n\\r\\n|hi]"], EverySplit.Read("HMSG $G subj 12 14\r\nNATS/1.0\r\n\r\nhi\r\n", Route));

    [Fact]
    public void Rs_plus_with_only_an_account_is_malformed() =>
        Assert.Equal(["ERR:MalformedArguments"], EverySplit.Read("RS+ $G\r\n", Route));

    [Theory]
    [InlineData("SUB foo 1\r\n")]
    [InlineData("UNSUB 1\r\n")]
    [InlineData("PUB foo 2\r\nhi\r\n")]
    public void A_clients_op_on_a_route_is_an_unknown_operation(string input) =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read(input, Route));

    [Theory]
    [InlineData("LS+ foo\r\n")]
    [InlineData("LMSG foo 2\r\nhi\r\n")]
    public void A_leafnode_op_on_a_route_is_an_unknown_operation(string input) =>
        Assert.Equal(["ERR:UnknownOperation"], EverySplit.Read(input, Route));
}
