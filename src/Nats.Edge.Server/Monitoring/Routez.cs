namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/routez</c>: nats-edge has no cluster routes, so always nats-server's answer without a cluster.</summary>
internal sealed class Routez
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public int NumRoutes { get; init; }

    public IReadOnlyList<EmptyObject> Routes { get; init; } = [];

    public static Routez From(NatsServer server) => new()
    {
        ServerId = server.ServerId,
        Now = GoFormat.Timestamp(DateTime.UtcNow),
    };
}
