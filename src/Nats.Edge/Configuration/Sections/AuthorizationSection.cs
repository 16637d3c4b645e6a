using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's top-level <c>authorization</c> block: one login, a token, or a list of users.</summary>
internal sealed class AuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("user", KeyShape.Text, "username")
        .Add("password", KeyShape.Text, "pass")
        .Add("token", KeyShape.Text)
        .Add("timeout", KeyShape.Duration)
        .Add("users", KeyShape.Blocks, UserSection.Keys)
        .Add("default_permissions", KeyShape.Block, PermissionsSection.Keys, "default_permission", "permissions");

    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("token")]
    public string? Token { get; set; }

    [ConfigurationKeyName("timeout")]
    public TimeSpan? Timeout { get; set; }

    [ConfigurationKeyName("users")]
    public List<UserSection>? Users { get; set; }

    [ConfigurationKeyName("default_permissions")]
    public PermissionsSection? DefaultPermissions { get; set; }
}
