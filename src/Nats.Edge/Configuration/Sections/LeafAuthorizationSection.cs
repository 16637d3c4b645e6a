using Nats.Edge.Configuration.Schema;

namespace Nats.Edge.Configuration.Sections;

/// <summary>The login leafs must give: <c>leafnodes.authorization { user, password, account, timeout, users }</c>.</summary>
internal sealed class LeafAuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Account), KeyShape.Text, "account")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout")
        .Add(nameof(Users), KeyShape.Blocks, LeafUserSection.Keys, "users");

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Account { get; set; }

    public TimeSpan? Timeout { get; set; }

    public List<LeafUserSection>? Users { get; set; }
}
