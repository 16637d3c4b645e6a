namespace Nats.Edge.Server.Subjects;

/// <summary>
/// One SUB of one connection. Subject, queue and sid are kept as the bytes the client sent, because
/// they are only ever copied back onto the wire.
/// </summary>
internal sealed class Subscription
{
    private long _delivered;
    private long _maxMessages;

    public Subscription(ISubscriber owner, byte[] subject, byte[]? queue, byte[] sid)
    {
        Owner = owner;
        Subject = subject;
        Queue = queue;
        Sid = sid;
    }

    public ISubscriber Owner { get; }

    public byte[] Subject { get; }

    public byte[]? Queue { get; }

    public byte[] Sid { get; }

    /// <summary>Messages handed to this subscription so far; UNSUB's max counts these too.</summary>
    public long Delivered => Volatile.Read(ref _delivered);

    /// <summary>Auto-unsubscribe limit from <c>UNSUB sid max</c>; 0 means none.</summary>
    public long MaxMessages
    {
        get => Volatile.Read(ref _maxMessages);
        set => Volatile.Write(ref _maxMessages, value);
    }

    /// <summary>
    /// Counts one delivery. Returns false when an UNSUB limit was already reached (another publisher
    /// may race us to the last message); <paramref name="reachedLimit"/> tells the caller that this
    /// delivery is the last one and the subscription must go.
    /// </summary>
    public bool TryCountDelivery(out bool reachedLimit)
    {
        var count = Interlocked.Increment(ref _delivered);
        var max = MaxMessages;
        reachedLimit = max > 0 && count >= max;
        return max == 0 || count <= max;
    }
}
