using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of <c>authorization.users</c> or an account's <c>users</c>.</summary>
internal sealed class UserSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("user", KeyShape.Text, "username")
        .Add("password", KeyShape.Text, "pass")
        .Add("nkey", KeyShape.Text)
        .Add("permissions", KeyShape.Block, PermissionsSection.Keys, "permission", "authorization")
        .Unsupported("allowed_connection_types", "connection_types", "clients");

    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("nkey")]
    public string? Nkey { get; set; }

    [ConfigurationKeyName("permissions")]
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
                Permissions = PermissionsSection.ToOptions(Permissions, at.Child("permissions")) ?? defaults,
            };
}
