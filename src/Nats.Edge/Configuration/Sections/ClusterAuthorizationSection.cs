using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>The login routes must give: <c>cluster.authorization { user, password, timeout }</c>.</summary>
internal sealed class ClusterAuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("user", KeyShape.Text, "username")
        .Add("password", KeyShape.Text, "pass")
        .Add("timeout", KeyShape.Duration);

    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("timeout")]
    public TimeSpan? Timeout { get; set; }
}
