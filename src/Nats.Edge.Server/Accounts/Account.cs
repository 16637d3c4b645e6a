using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Server.Accounts;

/// <summary>A subject space of its own: connections bound to different accounts never see each other's messages.</summary>
internal sealed class Account(string name)
{
    /// <summary>nats-server's global account, used when no accounts are configured.</summary>
    public const string GlobalName = "$G";

    public string Name { get; } = name;

    public SubjectIndex Subscriptions { get; } = new();

    public override string ToString() => Name;
}
