namespace Nats.Edge.Server.Connections;

/// <summary>Messages and payload bytes received from and sent to one connection, or summed over many.</summary>
internal readonly record struct TrafficCounts(long InMessages, long InBytes, long OutMessages, long OutBytes)
{
    public static TrafficCounts Of(Connection connection) =>
        new(connection.InMessages, connection.InBytes, connection.Outbound.Messages, connection.Outbound.PayloadBytes);

    public TrafficCounts Add(TrafficCounts other) =>
        new(InMessages + other.InMessages, InBytes + other.InBytes, OutMessages + other.OutMessages, OutBytes + other.OutBytes);
}
