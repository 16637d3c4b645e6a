namespace Nats.Edge.Server.Links;

/// <summary>What a dialler does on its next turn, as the link kind's <see cref="ISolicitor"/> decides.</summary>
internal enum DialTurn
{
    /// <summary>Dial the next URL.</summary>
    Dial,

    /// <summary>Let this turn pass without a dial (another connection to the same peer serves) and ask again after a wait.</summary>
    Wait,

    /// <summary>Dial no more: the peer is this server itself, or a learned peer failed too often.</summary>
    Stop,
}
