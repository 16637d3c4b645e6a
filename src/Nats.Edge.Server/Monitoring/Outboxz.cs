namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/outboxz</c>: every leafnode remote's outbox, whether its uplink is up or not (nats-edge's own page).</summary>
internal sealed class Outboxz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public required IReadOnlyList<OutboxInfo> Outboxes { get; init; }

    public static Outboxz From(NatsServer server)
    {
        var outboxes = new List<OutboxInfo>();
        foreach (var outbox in server.Outboxes)
        {
            if (outbox is not null)
            {
                outboxes.Add(OutboxInfo.From(outbox));
            }
        }

        return new Outboxz { ServerId = server.ServerId, Now = GoFormat.Timestamp(DateTime.UtcNow), Outboxes = outboxes };
    }
}
