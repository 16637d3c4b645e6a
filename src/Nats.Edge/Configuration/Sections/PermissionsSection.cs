using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>A user's <c>permissions { publish, subscribe, allow_responses }</c>, in every spelling nats-server takes.</summary>
internal sealed class PermissionsSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(Publish), KeyShape.Permission, SubjectPermissionSection.Keys, "publish", "pub", "import")
        .Add(nameof(Subscribe), KeyShape.Permission, SubjectPermissionSection.Keys, "subscribe", "sub", "export")
        .Add(nameof(AllowResponses), KeyShape.Responses, ResponsesSection.Keys, "allow_responses", "publish_allow_responses");

    public SubjectPermissionSection? Publish { get; set; }

    public SubjectPermissionSection? Subscribe { get; set; }

    public ResponsesSection? AllowResponses { get; set; }

    // An empty block still stands: it grants everything, where a user without one takes the defaults.
    public static PermissionOptions? ToOptions(PermissionsSection? permissions, ConfigPath at) =>
        permissions is null && !at.IsWritten ? null : (permissions ?? new PermissionsSection()).ToOptions();

    private PermissionOptions ToOptions() =>
        new() { Publish = Publish?.ToOptions(), Subscribe = Subscribe?.ToOptions(), Responses = AllowResponses?.ToOptions() };
}
