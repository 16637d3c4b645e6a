using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>The login leafs must give: <c>leafnodes.authorization { user, password, account, timeout, users }</c>.</summary>
internal sealed class LeafAuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("user", KeyShape.Text, "username")
        .Add("password", KeyShape.Text, "pass")
        .Add("account", KeyShape.Text)
        .Add("timeout", KeyShape.Duration)
        .Add("users", KeyShape.Blocks, LeafUserSection.Keys);

    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("account")]
    public string? Account { get; set; }

    [ConfigurationKeyName("timeout")]
    public TimeSpan? Timeout { get; set; }

    [ConfigurationKeyName("users")]
    public List<LeafUserSection>? Users { get; set; }
}
