using Nats.Edge.Load.Compare;

namespace Nats.Edge.Load.Outbox;

/// <summary>One pub → sub run on a board, with its outbox's state at the end when it had one.</summary>
internal sealed record CaptureRun(ServerRun Run, OutboxState? Outbox);
