using System.Text;
using Nats.Edge.Server.Protocol;

namespace Nats.Edge.Tests.Unit.Protocol;

/// <summary>Op names read letter by letter, case-insensitively, as nats-server reads them.</summary>
public class OpNameReaderTests
{
    [Theory]
    [InlineData("PUB foo 1", "Pub", 3)]
    [InlineData("pub\tfoo 1", "Pub", 3)]
    [InlineData("HPUB foo 12 14", "HPub", 4)]
    [InlineData("SUB foo 1", "Sub", 3)]
    [InlineData("UNSUB 1", "Unsub", 5)]
    [InlineData("PING\r\n", "Ping", 4)]
    [InlineData("PINGX", "Ping", 4)]
    [InlineData("PONG\n", "Pong", 4)]
    [InlineData("+OK\r\n", "Ok", 3)]
    [InlineData("-ERR 'x'", "Err", 4)]
    [InlineData("CONNECT {}", "Connect", 7)]
    [InlineData("CONNECT{}", "Connect", 7)]
    [InlineData("INFO {}", "Info", 4)]
    public void Known_op_is_recognised_with_where_its_arguments_start(string head, string op, int argumentsStart)
    {
        Assert.Equal(OpNameStatus.Known, OpNameReader.Read(Encoding.ASCII.GetBytes(head), ProtocolDialect.Client, out var actualOp, out var actualStart));
        Assert.Equal(op, actualOp.ToString());
        Assert.Equal(argumentsStart, actualStart);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PU")]
    [InlineData("PUB")]
    [InlineData("PI")]
    [InlineData("PING")]
    [InlineData("H")]
    [InlineData("HPU")]
    [InlineData("UNSU")]
    [InlineData("CONNECT")]
    [InlineData("+")]
    [InlineData("-ER")]
    public void Valid_prefix_is_incomplete(string head) =>
        Assert.Equal(OpNameStatus.Incomplete, OpNameReader.Read(Encoding.ASCII.GetBytes(head), ProtocolDialect.Client, out _, out _));

    [Theory]
    [InlineData("X")]
    [InlineData("PUX")]
    [InlineData("PX")]
    [InlineData("PUBX")]
    [InlineData("PUB\r")]
    [InlineData("SUBX")]
    [InlineData("HPUBX")]
    [InlineData("UNSUBX")]
    [InlineData("CONNEXT")]
    [InlineData("MSG ")]
    [InlineData("RS+")]
    [InlineData("LS-")]
    [InlineData(" PUB")]
    public void Byte_no_op_allows_there_is_unknown(string head) =>
        Assert.Equal(OpNameStatus.Unknown, OpNameReader.Read(Encoding.ASCII.GetBytes(head), ProtocolDialect.Client, out _, out _));

    [Theory]
    [InlineData("pUb ")]
    [InlineData("PuB ")]
    [InlineData("hpub ")]
    [InlineData("ConNecT ")]
    [InlineData("+ok\r")]
    [InlineData("-eRr ")]
    public void Op_names_fold_case_letter_by_letter(string head) =>
        Assert.Equal(OpNameStatus.Known, OpNameReader.Read(Encoding.ASCII.GetBytes(head), ProtocolDialect.Client, out _, out _));

    [Fact]
    public void Carriage_return_does_not_pass_for_a_minus() =>
        // CR is 0x0D; folded like a letter it would become 0x2D, '-'.
        Assert.Equal(OpNameStatus.Unknown, OpNameReader.Read("\rERR "u8, ProtocolDialect.Client, out _, out _));
}
