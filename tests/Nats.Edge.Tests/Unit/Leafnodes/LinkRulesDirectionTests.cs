using System.Text;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Tests.Unit.Leafnodes;

/// <summary>
/// What may cross one leafnode link, direction by direction: exports go to the far side, imports come
/// from it; a deny entry beats an allow entry; a link of an ordinary account never carries JetStream's
/// API, KV or object-store subjects.
/// </summary>
public class LinkRulesDirectionTests
{
    [Fact]
    public void Without_lists_an_ordinary_subject_crosses_both_ways()
    {
        var open = Rules();

        Assert.True(open.MayExport(Bytes("sensors.temp")));
        Assert.True(open.MayImport(Bytes("sensors.temp")));
    }

    [Theory]
    [InlineData("sensors.temp", true)]
    [InlineData("sensors.a.b", true)]
    [InlineData("logs.boot", false)]
    [InlineData("sensors", false)]
    public void Export_allow_list_lets_through_only_what_it_covers(string subject, bool allowed) =>
        Assert.Equal(allowed, Rules(exportAllow: ["sensors.>"]).MayExport(Bytes(subject)));

    [Theory]
    [InlineData("commands.pi1", true)]
    [InlineData("commands.pi1.led", false)]
    [InlineData("status", false)]
    public void Import_allow_list_lets_through_only_what_it_covers(string subject, bool allowed) =>
        Assert.Equal(allowed, Rules(importAllow: ["commands.*"]).MayImport(Bytes(subject)));

    [Fact]
    public void Export_allow_list_does_not_limit_imports() =>
        Assert.True(Rules(exportAllow: ["sensors.>"]).MayImport(Bytes("logs.boot")));

    [Fact]
    public void Import_allow_list_does_not_limit_exports() =>
        Assert.True(Rules(importAllow: ["commands.>"]).MayExport(Bytes("logs.boot")));

    [Fact]
    public void Export_deny_list_keeps_a_subject_from_going_out() =>
        Assert.False(Rules(exportDeny: ["secrets.>"]).MayExport(Bytes("secrets.key")));

    [Fact]
    public void Import_deny_list_keeps_a_subject_from_coming_in() =>
        Assert.False(Rules(importDeny: ["admin.*"]).MayImport(Bytes("admin.reboot")));

    [Fact]
    public void Export_deny_list_does_not_limit_imports() =>
        Assert.True(Rules(exportDeny: ["secrets.>"]).MayImport(Bytes("secrets.key")));

    [Fact]
    public void Import_deny_list_does_not_limit_exports() =>
        Assert.True(Rules(importDeny: ["admin.>"]).MayExport(Bytes("admin.reboot")));

    [Fact]
    public void Export_deny_beats_an_allow_entry_covering_the_same_subject() =>
        Assert.False(Rules(exportAllow: ["sensors.>"], exportDeny: ["sensors.secret"]).MayExport(Bytes("sensors.secret")));

    [Fact]
    public void Import_deny_beats_an_allow_entry_covering_the_same_subject() =>
        Assert.False(Rules(importAllow: ["commands.>"], importDeny: ["commands.reboot"]).MayImport(Bytes("commands.reboot")));

    [Fact]
    public void Deny_beats_allow_even_when_both_are_the_same_pattern() =>
        Assert.False(Rules(exportAllow: ["a.>"], exportDeny: ["a.>"]).MayExport(Bytes("a.b")));

    [Fact]
    public void Empty_allow_list_lets_nothing_through()
    {
        var closed = Rules(exportAllow: [], importAllow: []);

        Assert.False(closed.MayExport(Bytes("sensors.temp")));
        Assert.False(closed.MayImport(Bytes("sensors.temp")));
    }

    [Theory]
    [InlineData("$JS.API.INFO")]
    [InlineData("$JS.API.STREAM.INFO.orders")]
    [InlineData("$KV.config.key")]
    [InlineData("$OBJ.store.chunk")]
    public void Ordinary_account_denies_jetstream_subjects_in_both_directions(string subject)
    {
        var open = Rules();

        Assert.False(open.MayExport(Bytes(subject)));
        Assert.False(open.MayImport(Bytes(subject)));
        Assert.True(open.DeniesExport(Bytes(subject)));
        Assert.True(open.DeniesImport(Bytes(subject)));
    }

    [Fact]
    public void Jetstream_default_denies_beat_an_allow_list_that_names_them()
    {
        var rules = Rules(exportAllow: ["$JS.API.>"], importAllow: ["$KV.>"]);

        Assert.False(rules.MayExport(Bytes("$JS.API.INFO")));
        Assert.False(rules.MayImport(Bytes("$KV.bucket.key")));
    }

    [Theory]
    [InlineData("$JS.hub.API.INFO")]
    [InlineData("$JS.EVENT.ADVISORY.API")]
    [InlineData("$JS.ACK.orders.c.1.1.1.1.0")]
    [InlineData("$KVX.a")]
    public void Ordinary_account_lets_domain_prefixed_and_other_dollar_subjects_cross(string subject)
    {
        var open = Rules();

        Assert.True(open.MayExport(Bytes(subject)));
        Assert.True(open.MayImport(Bytes(subject)));
    }

    [Theory]
    [InlineData("$JS.API.INFO")]
    [InlineData("$KV.config.key")]
    [InlineData("$OBJ.store.chunk")]
    public void System_account_carries_jetstream_subjects_in_both_directions(string subject)
    {
        var system = Rules(systemAccount: true);

        Assert.True(system.MayExport(Bytes(subject)));
        Assert.True(system.MayImport(Bytes(subject)));
        Assert.False(system.DeniesExport(Bytes(subject)));
        Assert.False(system.DeniesImport(Bytes(subject)));
    }

    [Fact]
    public void System_account_still_applies_its_configured_denies() =>
        Assert.False(Rules(importDeny: ["$KV.>"], systemAccount: true).MayImport(Bytes("$KV.config.key")));

    [Theory]
    [InlineData("admin.reboot", true)]
    [InlineData("admin.*", true)]
    [InlineData("admin.>", true)]
    [InlineData("admin", false)]
    [InlineData(">", false)]
    [InlineData("*.reboot", false)]
    public void Import_deny_of_a_wildcard_denies_subjects_inside_it_but_not_wider_ones(string subject, bool denied) =>
        Assert.Equal(denied, Rules(importDeny: ["admin.>"]).DeniesImport(Bytes(subject)));

    [Theory]
    [InlineData("admin.reboot", true)]
    [InlineData("admin.*", false)]
    [InlineData("admin.>", false)]
    public void Import_deny_of_a_literal_denies_only_that_literal(string subject, bool denied) =>
        Assert.Equal(denied, Rules(importDeny: ["admin.reboot"]).DeniesImport(Bytes(subject)));

    [Theory]
    [InlineData("logs.boot")]
    [InlineData(">")]
    public void Import_outside_the_allow_list_is_not_denied_outright(string subject) =>
        Assert.False(Rules(importAllow: ["commands.>"]).DeniesImport(Bytes(subject)));

    [Theory]
    [InlineData("secrets.key", true)]
    [InlineData("secrets.*", true)]
    [InlineData(">", false)]
    public void Export_deny_of_a_wildcard_denies_subjects_inside_it_but_not_wider_ones(string subject, bool denied) =>
        Assert.Equal(denied, Rules(exportDeny: ["secrets.>"]).DeniesExport(Bytes(subject)));

    [Theory]
    [InlineData("sensors.temp", false)]
    [InlineData("sensors.*", false)]
    [InlineData("sensors.>", false)]
    [InlineData("logs.boot", true)]
    [InlineData(">", true)]
    [InlineData("sensors.secret", true)]
    public void Export_outside_the_allow_list_or_inside_the_deny_list_is_denied_outright(string subject, bool denied) =>
        Assert.Equal(denied, Rules(exportAllow: ["sensors.>"], exportDeny: ["sensors.secret"]).DeniesExport(Bytes(subject)));

    [Fact]
    public void Jetstream_default_deny_covers_a_wildcard_inside_it_but_not_a_wider_one()
    {
        var open = Rules();

        Assert.True(open.DeniesImport(Bytes("$JS.API.>")));
        Assert.True(open.DeniesImport(Bytes("$KV.*.*")));
        Assert.False(open.DeniesImport(Bytes("$JS.>")));
        Assert.False(open.DeniesImport(Bytes(">")));
    }

    [Fact]
    public void Import_allow_patterns_are_kept_as_written()
    {
        var rules = Rules(importAllow: ["commands.>", "time"]);

        Assert.True(rules.HasImportAllowList);
        Assert.Equal(["commands.>", "time"], rules.ImportAllowPatterns);
    }

    [Fact]
    public void Without_an_import_allow_list_there_are_no_patterns()
    {
        var rules = Rules();

        Assert.False(rules.HasImportAllowList);
        Assert.Empty(rules.ImportAllowPatterns);
    }

    private static LinkRules Rules(
        string[]? exportAllow = null, string[]? exportDeny = null, string[]? importAllow = null, string[]? importDeny = null, bool systemAccount = false) =>
        new(exportAllow, exportDeny ?? [], importAllow, importDeny ?? [], systemAccount);

    private static byte[] Bytes(string subject) => Encoding.ASCII.GetBytes(subject);
}
