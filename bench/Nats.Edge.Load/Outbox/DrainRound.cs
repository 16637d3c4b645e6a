namespace Nats.Edge.Load.Outbox;

/// <summary>One drain round: the baseline client's rate into the stream and the board's backlog drain rate.</summary>
/// <param name="BaselineHubCpu">The hub's CPU seconds while the client published.</param>
/// <param name="DrainHubCpu">The hub's CPU seconds from the uplink up until the stream held the backlog.</param>
/// <param name="DrainBoardCpu">The board's CPU seconds over the same time.</param>
/// <param name="BaselineStreamBytes">The stream's bytes once it held the client's messages.</param>
/// <param name="DrainStreamBytes">The stream's bytes once it held the board's.</param>
internal sealed record DrainRound(
    double BaselineRate, double DrainRate, double BaselineHubCpu, double DrainHubCpu, double DrainBoardCpu, long BaselineStreamBytes, long DrainStreamBytes);
