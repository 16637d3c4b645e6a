namespace Nats.Edge.Server.Subjects;

/// <summary>
/// The subscriptions a subject reaches. Immutable once built, so one result is shared by every cache
/// that holds it and read without locks on the message path.
/// </summary>
internal sealed class SubjectMatch(Subscription[] plain, QueueGroupMatch[] queueGroups)
{
    public static SubjectMatch Empty { get; } = new([], []);

    public Subscription[] Plain { get; } = plain;

    public QueueGroupMatch[] QueueGroups { get; } = queueGroups;

    public bool IsEmpty => Plain.Length == 0 && QueueGroups.Length == 0;
}
