using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A user's <c>permissions { publish, subscribe, allow_responses }</c>, in every spelling nats-server takes.</summary>
internal sealed class PermissionsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("publish", KeyShape.Permission, SubjectPermissionSection.Keys, "pub", "import")
        .Add("subscribe", KeyShape.Permission, SubjectPermissionSection.Keys, "sub", "export")
        .Add("allow_responses", KeyShape.Responses, ResponsesSection.Keys, "publish_allow_responses");

    [ConfigurationKeyName("publish")]
    public SubjectPermissionSection? Publish { get; set; }

    [ConfigurationKeyName("subscribe")]
    public SubjectPermissionSection? Subscribe { get; set; }

    [ConfigurationKeyName("allow_responses")]
    public ResponsesSection? AllowResponses { get; set; }

    // An empty block still stands: it grants everything, where a user without one takes the defaults.
    public static PermissionOptions? ToOptions(PermissionsSection? permissions, ConfigPath at) =>
        permissions is null && !at.IsWritten ? null : (permissions ?? new PermissionsSection()).ToOptions();

    private PermissionOptions ToOptions() =>
        new() { Publish = Publish?.ToOptions(), Subscribe = Subscribe?.ToOptions(), Responses = AllowResponses?.ToOptions() };
}
