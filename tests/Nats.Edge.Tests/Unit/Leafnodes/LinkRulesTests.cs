using System.Text;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>What may cross a leafnode link: allow and deny lists, and the JetStream subjects Go servers always deny.</summary>
public class LinkRulesTests
{
    private static readonly LinkRules Board = new(
        exportAllow: ["sensors.>"], exportDeny: ["sensors.secret"], importAllow: ["commands.pi1.>"], importDeny: ["commands.pi1.reboot"], systemAccount: false);

    [Theory]
    [InlineData("sensors.temp", true)]
    [InlineData("sensors.secret", false)]
    [InlineData("logs.boot", false)]
    public void Exports_follow_the_allow_list_with_deny_winning(string subject, bool allowed) =>
        Assert.Equal(allowed, Board.MayExport(Bytes(subject)));

    [Theory]
    [InlineData("commands.pi1.led", true)]
    [InlineData("commands.pi1.reboot", false)]
    [InlineData("commands.pi2.led", false)]
    public void Imports_follow_the_allow_list_with_deny_winning(string subject, bool allowed) =>
        Assert.Equal(allowed, Board.MayImport(Bytes(subject)));

    [Theory]
    [InlineData("$JS.API.STREAM.INFO.x")]
    [InlineData("$KV.config.key")]
    [InlineData("$OBJ.store.chunk")]
    public void Jetstream_subjects_never_cross_a_link_of_an_ordinary_account(string subject)
    {
        var open = new LinkRules(null, [], null, [], systemAccount: false);

        Assert.False(open.MayExport(Bytes(subject)));
        Assert.False(open.MayImport(Bytes(subject)));
    }

    [Fact]
    public void System_account_links_carry_jetstream_subjects()
    {
        var system = new LinkRules(null, [], null, [], systemAccount: true);

        Assert.True(system.MayExport(Bytes("$JS.API.INFO")));
        Assert.True(system.MayImport(Bytes("$JS.API.INFO")));
    }

    [Fact]
    public void A_wildcard_wider_than_the_deny_list_is_not_denied_outright()
    {
        var rules = new LinkRules(null, ["admin.>"], null, ["admin.>"], systemAccount: false);

        Assert.False(rules.DeniesImport(Bytes(">")));
        Assert.True(rules.DeniesImport(Bytes("admin.reboot")));
        Assert.False(rules.DeniesExport(Bytes(">")));
    }

    private static byte[] Bytes(string subject) => Encoding.ASCII.GetBytes(subject);
}
