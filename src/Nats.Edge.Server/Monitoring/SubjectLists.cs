namespace Nats.Edge.Server.Monitoring;

/// <summary>The <c>subscriptions_list</c> of /connz, /routez and /leafz: each subscription's subject.</summary>
internal static class SubjectLists
{
    public static List<string> Of(IReadOnlyCollection<Subscription> subscriptions)
    {
        var subjects = new List<string>(subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            subjects.Add(Encoding.UTF8.GetString(subscription.Subject));
        }

        return subjects;
    }
}
