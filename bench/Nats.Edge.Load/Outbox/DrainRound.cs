namespace Nats.Edge.Load.Outbox;

/// <summary>One drain round: the baseline client's rate into the stream and the board's backlog drain rate.</summary>
internal sealed record DrainRound(double BaselineRate, double DrainRate);
