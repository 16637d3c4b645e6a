namespace Nats.Edge.Server.Accounts;

/// <summary>A connection to another server that is told of an account's interest: a leafnode link or a route.</summary>
internal interface IInterestLink
{
    LinkRole Role { get; }

    /// <summary>
    /// The count of its account's interest this link should know of (each link serves one account)
    /// went from <paramref name="before"/> to <paramref name="after"/>; called under the account's
    /// interest lock, so calls arrive in order.
    /// </summary>
    void InterestChanged(string subject, string? queue, int before, int after);
}
