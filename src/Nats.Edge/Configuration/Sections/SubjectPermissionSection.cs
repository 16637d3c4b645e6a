using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// A publish or subscribe permission: <c>{ allow, deny }</c>, each a subject or a list. A subject or
/// a list alone is normalised to the allow list.
/// </summary>
internal sealed class SubjectPermissionSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Allow), KeyShape.AllowList, "allow")
        .Add(nameof(Deny), KeyShape.Strings, "deny");

    public List<string>? Allow { get; set; }

    public List<string>? Deny { get; set; }

    public SubjectPermissionOptions ToOptions() => new() { Allow = Allow, Deny = Deny };
}
