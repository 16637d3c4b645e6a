using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>The login routes must give: <c>cluster.authorization { user, password, timeout }</c>.</summary>
internal sealed class ClusterAuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout");

    public string? User { get; set; }

    public string? Password { get; set; }

    public TimeSpan? Timeout { get; set; }
}
