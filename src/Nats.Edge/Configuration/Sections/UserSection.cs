using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of <c>authorization.users</c> or an account's <c>users</c>.</summary>
internal sealed class UserSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Nkey), KeyShape.Text, "nkey")
        .Add(nameof(Permissions), KeyShape.Block, PermissionsSection.Keys, "permissions", "permission", "authorization")
        .Unsupported("allowed_connection_types", "connection_types", "clients");

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Nkey { get; set; }

    public PermissionsSection? Permissions { get; set; }

    /// <summary>The users of a list, in its order, each bound to <paramref name="account"/>.</summary>
    public static IEnumerable<UserOptions> ToOptions(List<UserSection>? users, ConfigPath at, string? account, PermissionOptions? defaults)
    {
        for (var i = 0; i < users?.Count; i++)
        {
            yield return users[i].ToOptions(at.Item(i), account, defaults);
        }
    }

    private UserOptions ToOptions(ConfigPath at, string? account, PermissionOptions? defaults) =>
        User is null && Nkey is null
            ? throw at.Invalid("a user needs \"user\" or \"nkey\"")
            : new UserOptions
            {
                Username = User,
                Password = Password,
                Nkey = Nkey,
                Account = account,
                Permissions = PermissionsSection.ToOptions(Permissions, at.Child(nameof(Permissions))) ?? defaults,
            };
}
