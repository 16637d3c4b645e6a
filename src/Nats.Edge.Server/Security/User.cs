namespace Nats.Edge.Server.Security;

/// <summary>Who a connection logged in as: the account it lives in and what it may do there.</summary>
internal sealed class User(string name, Account account, Permissions? permissions, bool isNkey = false)
{
    public string Name { get; } = name;

    /// <summary>How violation log lines name the user, as nats-server does; never a credential.</summary>
    public string LogName { get; } = isNkey ? $"Nkey \"{name}\"" : name.Length > 0 ? $"User \"{name}\"" : "User \"N/A\"";

    public Account Account { get; } = account;

    /// <summary>Null allows everything.</summary>
    public Permissions? Permissions { get; } = permissions;
}
