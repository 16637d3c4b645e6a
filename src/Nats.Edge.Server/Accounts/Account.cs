namespace Nats.Edge.Server.Accounts;

/// <summary>A subject space of its own: connections bound to different accounts never see each other's messages.</summary>
internal sealed class Account
{
    /// <summary>nats-server's global account, used when no accounts are configured.</summary>
    public const string GlobalName = "$G";

    public Account(string name)
    {
        Name = name;
        NameBytes = Encoding.UTF8.GetBytes(name);
        Interest = new AccountInterest();

        // Announced on every leafnode link of the account; seeing it come back over a link means the
        // links form a loop.
        LoopDetectionSubject = "$LDS." + ServerIdentity.NewNuid();
        LoopDetectionSubjectBytes = System.Text.Encoding.ASCII.GetBytes(LoopDetectionSubject);
    }

    public string Name { get; }

    /// <summary>The name as the link protocols write it (RS+, RMSG), encoded once.</summary>
    public byte[] NameBytes { get; }

    public SubjectIndex Subscriptions { get; } = new();

    /// <summary>Who outside this server must hear about subscriptions here: the account's leafnode links.</summary>
    public AccountInterest Interest { get; }

    public string LoopDetectionSubject { get; }

    /// <summary>The same, as bytes, to compare with LS+ subjects without allocating.</summary>
    public byte[] LoopDetectionSubjectBytes { get; }

    /// <summary>Adds a subscription and tells the account's links, if the interest is new to them.</summary>
    public void Subscribe(Subscription subscription)
    {
        Subscriptions.Insert(subscription);
        Interest.Added(subscription);
    }

    /// <summary>
    /// Adds a subscription only the account's routes hear of, so the other servers of the cluster send
    /// its messages here but no leafnode link, and above all no hub, is asked for them.
    /// </summary>
    public void SubscribeForRoutes(Subscription subscription)
    {
        Subscriptions.Insert(subscription);
        Interest.Added(subscription, routesOnly: true);
    }

    /// <summary>Removes a subscription <see cref="SubscribeForRoutes"/> added.</summary>
    public void UnsubscribeForRoutes(Subscription subscription)
    {
        if (Subscriptions.Remove(subscription))
        {
            Interest.Removed(subscription, routesOnly: true);
        }
    }

    /// <summary>Removes a subscription (once; later calls do nothing) and tells the links if interest ended.</summary>
    public void Unsubscribe(Subscription subscription)
    {
        if (Subscriptions.Remove(subscription))
        {
            Interest.Removed(subscription);
        }
    }

    public override string ToString() => Name;
}
