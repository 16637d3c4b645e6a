using Nats.Edge.Server.Links;

namespace Nats.Edge.Server.Gateways;

/// <summary>
/// One account on an inbound gateway: it announces the whole cluster's interest in the account to the
/// far cluster's outbound (RS+/RS-, queue groups with weight 1), and matches the messages that come
/// back in for it.
/// </summary>
internal sealed class GatewayInterest(GatewayConnection gateway, Account account) : IInterestLink
{
    private readonly InterestAnnouncer _announcer = new(gateway, "RS", account.Name, static () => null, queueWeights: false);

    public Account Account => account;

    /// <summary>The account's name as RS+/RMSG carry it.</summary>
    public byte[] Name => account.NameBytes;

    /// <summary>Matches for the messages that arrive for the account; used by the gateway's receive loop only.</summary>
    public MatchCache Matches { get; } = new(account.Subscriptions);

    public LinkRole Role => LinkRole.Gateway;

    /// <summary>Starts announcing: every current interest at once, then each change.</summary>
    public void Attach() => account.Interest.Attach(this);

    public void Detach() => account.Interest.Detach(this);

    public void InterestChanged(string subject, string? queue, int before, int after) => _announcer.InterestChanged(subject, queue, before, after);
}
