using Nats.Edge.Configuration.Schema;
using Nats.Edge.Server.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>One of <c>leafnodes.authorization.users</c>: a login and the account its leafs are bound to.</summary>
internal sealed class LeafUserSection
{
    public static readonly SectionKeys Keys = new SectionKeys()
        .Add(nameof(User), KeyShape.Text, "user", "username")
        .Add(nameof(Password), KeyShape.Text, "password", "pass")
        .Add(nameof(Account), KeyShape.Text, "account");

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? Account { get; set; }

    public UserOptions ToOptions() => new() { Username = User, Password = Password, Account = Account };
}
