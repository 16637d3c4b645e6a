namespace Nats.Edge.Server.Subjects;

/// <summary>The members of one queue group that match a subject; exactly one of them gets each message.</summary>
internal sealed class QueueGroupMatch(byte[] name, Subscription[] members)
{
    public byte[] Name { get; } = name;

    public Subscription[] Members { get; } = members;
}
