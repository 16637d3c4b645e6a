using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One account of nats-server's <c>accounts</c> block, under its name.</summary>
internal sealed class AccountSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Users), KeyShape.Blocks, UserSection.Keys, "users")
        .Add(nameof(DefaultPermissions), KeyShape.Block, PermissionsSection.Keys, "default_permissions")
        .Add(nameof(Exports), KeyShape.Blocks, ExportSection.Keys, "exports")
        .Add(nameof(Imports), KeyShape.Blocks, ImportSection.Keys, "imports")
        .Unsupported("nkey", "jetstream", "mappings", "maps");

    public List<UserSection>? Users { get; set; }

    public PermissionsSection? DefaultPermissions { get; set; }

    public List<ExportSection>? Exports { get; set; }

    public List<ImportSection>? Imports { get; set; }

    public AccountOptions ToOptions(ConfigPath at, string name) => new()
    {
        Name = name,
        Exports = [.. Exports?.Select((export, i) => export.ToOptions(at.Child(nameof(Exports)).Item(i))) ?? []],
        Imports = [.. Imports?.Select((import, i) => import.ToOptions(at.Child(nameof(Imports)).Item(i))) ?? []],
    };

    public IEnumerable<UserOptions> ToUsers(ConfigPath at, string name) =>
        UserSection.ToOptions(Users, at.Child(nameof(Users)), name, PermissionsSection.ToOptions(DefaultPermissions, at.Child(nameof(DefaultPermissions))));
}
