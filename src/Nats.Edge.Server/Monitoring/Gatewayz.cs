namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/gatewayz</c>: nats-edge has no gateways, so always nats-server's answer without one.</summary>
internal sealed class Gatewayz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public IReadOnlyDictionary<string, EmptyObject> OutboundGateways { get; init; } = new Dictionary<string, EmptyObject>();

    public IReadOnlyDictionary<string, EmptyObject> InboundGateways { get; init; } = new Dictionary<string, EmptyObject>();

    public static Gatewayz From(NatsServer server) => new()
    {
        ServerId = server.ServerId,
        Now = GoFormat.Timestamp(DateTime.UtcNow),
    };
}
