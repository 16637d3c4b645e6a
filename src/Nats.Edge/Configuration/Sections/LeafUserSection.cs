using Microsoft.Extensions.Configuration;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of <c>leafnodes.authorization.users</c>: a login and the account its leafs are bound to.</summary>
internal sealed class LeafUserSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add("user", KeyShape.Text, "username")
        .Add("password", KeyShape.Text, "pass")
        .Add("account", KeyShape.Text);

    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    [ConfigurationKeyName("password")]
    public string? Password { get; set; }

    [ConfigurationKeyName("account")]
    public string? Account { get; set; }

    public UserOptions ToOptions() => new() { Username = User, Password = Password, Account = Account };
}
