using Nats.Edge.Server.Connections;

namespace Nats.Edge.Server.Accounts;

/// <summary>A connection to another server that is told of an account's interest: a leafnode link or a route.</summary>
internal interface IInterestLink
{
    LinkRole Role { get; }

    /// <summary>Called once, first, when attached: the leafnode loop-detection subject (routes ignore it).</summary>
    void AnnounceLoopDetection(string subject);

    /// <summary>
    /// The count of <paramref name="account"/>'s interest this link should know of went from
    /// <paramref name="before"/> to <paramref name="after"/>; called under the account's interest
    /// lock, so calls arrive in order.
    /// </summary>
    void InterestChanged(Account account, string subject, string? queue, int before, int after);
}
