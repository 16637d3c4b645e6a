namespace Nats.Edge.Server.Outbox;

/// <summary>
/// The error a publisher that asked for an ack gets when the outbox refuses its message, shaped as a
/// JetStream stream's refusal (<c>{"error":{"code":503,"err_code":10077,"description":…}}</c>, a store
/// failure), so a JetStream client reports it as it would the stream's own.
/// </summary>
internal static class OutboxAckReply
{
    private static readonly byte[] LimitReached = Error("outbox limits exceeded");
    private static readonly byte[] Busy = Error("outbox is behind on its disk writes");
    private static readonly byte[] Failing = Error("outbox cannot write to its disk");
    private static readonly byte[] TooLarge = Error("message too large for the outbox");
    private static readonly byte[] Closed = Error("outbox is closed");

    public static ReadOnlySpan<byte> Refused(OutboxRefusal refusal) => refusal switch
    {
        OutboxRefusal.LimitReached => LimitReached,
        OutboxRefusal.Busy => Busy,
        OutboxRefusal.Failing => Failing,
        OutboxRefusal.TooLarge => TooLarge,
        _ => Closed,
    };

    private static byte[] Error(string description) =>
        Encoding.UTF8.GetBytes($"{{\"error\":{{\"code\":503,\"err_code\":10077,\"description\":\"{description}\"}}}}");
}
