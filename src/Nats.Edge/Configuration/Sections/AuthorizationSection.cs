using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>nats-server's top-level <c>authorization</c> block: one login, a token, or a list of users.</summary>
internal sealed class AuthorizationSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Token), KeyShape.Text, "token")
        .Add(nameof(Timeout), KeyShape.Duration, "timeout")
        .Add(nameof(Users), KeyShape.Blocks, UserSection.Keys, "users")
        .Add(nameof(DefaultPermissions), KeyShape.Block, PermissionsSection.Keys, "default_permissions", "default_permission", "permissions");

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Token { get; set; }

    public TimeSpan? Timeout { get; set; }

    public List<UserSection>? Users { get; set; }

    public PermissionsSection? DefaultPermissions { get; set; }

    /// <summary>The users of the block, each with the default permissions unless it has its own.</summary>
    public IEnumerable<UserOptions> ToUsers(ConfigPath at) =>
        UserSection.ToOptions(Users, at.Child(nameof(Users)), account: null, PermissionsSection.ToOptions(DefaultPermissions, at.Child(nameof(DefaultPermissions))));
}
