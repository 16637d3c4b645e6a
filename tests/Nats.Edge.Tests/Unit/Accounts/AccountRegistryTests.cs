using Nats.Edge.Server.Accounts;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Tests.Unit.Accounts;

/// <summary>The server's accounts, built from options, with their imports checked against the exports.</summary>
public class AccountRegistryTests
{
    [Fact]
    public void Find_without_a_name_is_the_global_account()
    {
        var registry = new AccountRegistry(new ServerOptions());

        Assert.Same(registry.Global, registry.Find(null));
        Assert.Equal("$G", registry.Global.Name);
    }

    [Fact]
    public void System_account_sys_exists_by_default()
    {
        var registry = new AccountRegistry(new ServerOptions());

        Assert.Equal("$SYS", registry.System.Name);
        Assert.Same(registry.System, registry.Find("$SYS"));
    }

    [Fact]
    public void System_account_can_be_a_configured_account()
    {
        var registry = new AccountRegistry(new ServerOptions
        {
            SystemAccount = "ops",
            Accounts = [new AccountOptions { Name = "ops" }],
        });

        Assert.Same(registry.Find("ops"), registry.System);
    }

    [Fact]
    public void Configured_accounts_can_be_found_by_name()
    {
        var registry = new AccountRegistry(Options(new AccountOptions { Name = "A" }, new AccountOptions { Name = "B" }));

        Assert.Equal("A", registry.Find("A").Name);
        Assert.Equal("B", registry.Find("B").Name);
        Assert.NotSame(registry.Find("A"), registry.Find("B"));
    }

    [Fact]
    public void Finding_an_unknown_account_throws()
    {
        var registry = new AccountRegistry(new ServerOptions());

        Assert.Throws<ServerOptionsException>(() => registry.Find("nobody"));
    }

    [Fact]
    public void Duplicate_account_name_is_refused()
    {
        var error = Assert.Throws<ServerOptionsException>(
            () => new AccountRegistry(Options(new AccountOptions { Name = "A" }, new AccountOptions { Name = "A" })));

        Assert.Contains("\"A\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_from_an_account_that_does_not_exist_is_refused()
    {
        var importer = new AccountOptions { Name = "B", Imports = [StreamImport("A", "foo")] };

        var error = Assert.Throws<ServerOptionsException>(() => new AccountRegistry(Options(importer)));

        Assert.Contains("\"A\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_of_a_subject_that_is_not_exported_is_refused()
    {
        var exporter = new AccountOptions { Name = "A", Exports = [new ExportOptions { Kind = ExportKind.Stream, Subject = "foo" }] };
        var importer = new AccountOptions { Name = "B", Imports = [StreamImport("A", "bar")] };

        Assert.Throws<ServerOptionsException>(() => new AccountRegistry(Options(exporter, importer)));
    }

    [Fact]
    public void Import_wider_than_the_export_is_refused()
    {
        var exporter = new AccountOptions { Name = "A", Exports = [new ExportOptions { Kind = ExportKind.Stream, Subject = "foo.bar" }] };
        var importer = new AccountOptions { Name = "B", Imports = [StreamImport("A", "foo.>")] };

        Assert.Throws<ServerOptionsException>(() => new AccountRegistry(Options(exporter, importer)));
    }

    [Fact]
    public void Import_narrower_than_a_wildcard_export_is_accepted()
    {
        var exporter = new AccountOptions { Name = "A", Exports = [new ExportOptions { Kind = ExportKind.Stream, Subject = "foo.>" }] };
        var importer = new AccountOptions { Name = "B", Imports = [StreamImport("A", "foo.bar")] };

        var registry = new AccountRegistry(Options(exporter, importer));

        Assert.False(registry.Find("A").Subscriptions.Match("foo.bar"u8).IsEmpty);
    }

    [Fact]
    public void Stream_import_of_a_service_export_is_refused()
    {
        var exporter = new AccountOptions { Name = "A", Exports = [new ExportOptions { Kind = ExportKind.Service, Subject = "foo" }] };
        var importer = new AccountOptions { Name = "B", Imports = [StreamImport("A", "foo")] };

        Assert.Throws<ServerOptionsException>(() => new AccountRegistry(Options(exporter, importer)));
    }

    [Fact]
    public void Export_limited_to_some_accounts_refuses_other_importers()
    {
        var exporter = new AccountOptions
        {
            Name = "A",
            Exports = [new ExportOptions { Kind = ExportKind.Stream, Subject = "foo", Accounts = ["B"] }],
        };
        var stranger = new AccountOptions { Name = "C", Imports = [StreamImport("A", "foo")] };

        var error = Assert.Throws<ServerOptionsException>(() => new AccountRegistry(Options(exporter, new AccountOptions { Name = "B" }, stranger)));

        Assert.Contains("\"C\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_limited_to_some_accounts_admits_those_accounts()
    {
        var exporter = new AccountOptions
        {
            Name = "A",
            Exports = [new ExportOptions { Kind = ExportKind.Stream, Subject = "foo", Accounts = ["B"] }],
        };
        var friend = new AccountOptions { Name = "B", Imports = [StreamImport("A", "foo")] };

        var registry = new AccountRegistry(Options(exporter, friend));

        Assert.False(registry.Find("A").Subscriptions.Match("foo"u8).IsEmpty);
    }

    [Fact]
    public void Service_import_listens_in_the_importing_account_under_its_local_name()
    {
        var exporter = new AccountOptions { Name = "A", Exports = [new ExportOptions { Kind = ExportKind.Service, Subject = "time" }] };
        var importer = new AccountOptions
        {
            Name = "B",
            Imports = [new ImportOptions { Kind = ExportKind.Service, Account = "A", Subject = "time", To = "a.time" }],
        };

        var registry = new AccountRegistry(Options(exporter, importer));

        Assert.False(registry.Find("B").Subscriptions.Match("a.time"u8).IsEmpty);
        Assert.True(registry.Find("B").Subscriptions.Match("time"u8).IsEmpty);
    }

    private static ServerOptions Options(params AccountOptions[] accounts) => new() { Accounts = accounts };

    private static ImportOptions StreamImport(string account, string subject) =>
        new() { Kind = ExportKind.Stream, Account = account, Subject = subject };
}
