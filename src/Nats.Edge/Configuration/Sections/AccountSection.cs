using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One account of nats-server's <c>accounts</c> block, under its name.</summary>
internal sealed class AccountSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("users", KeyShape.Blocks, UserSection.Keys)
        .Add("default_permissions", KeyShape.Block, PermissionsSection.Keys)
        .Add("exports", KeyShape.Blocks, ExportSection.Keys)
        .Add("imports", KeyShape.Blocks, ImportSection.Keys)
        .Unsupported("nkey", "jetstream", "mappings", "maps");

    [ConfigurationKeyName("users")]
    public List<UserSection>? Users { get; set; }

    [ConfigurationKeyName("default_permissions")]
    public PermissionsSection? DefaultPermissions { get; set; }

    [ConfigurationKeyName("exports")]
    public List<ExportSection>? Exports { get; set; }

    [ConfigurationKeyName("imports")]
    public List<ImportSection>? Imports { get; set; }

    public AccountOptions ToOptions(ConfigPath at, string name) => new()
    {
        Name = name,
        Exports = [.. Exports?.Select((export, i) => export.ToOptions(at.Child("exports").Item(i))) ?? []],
        Imports = [.. Imports?.Select((import, i) => import.ToOptions(at.Child("imports").Item(i))) ?? []],
    };

    public IEnumerable<UserOptions> ToUsers(ConfigPath at, string name) =>
        UserSection.ToOptions(Users, at.Child("users"), name, PermissionsSection.ToOptions(DefaultPermissions, at.Child("default_permissions")));
}
