using System.Text;
using Nats.Edge.Server.Subjects;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>Builds subscriptions and describes match results as text for assertions.</summary>
internal static class TestSubscriptions
{
    // The index and the match cache never look at a subscription's owner, and a real Connection needs
    // a server and a socket; a null owner keeps these tests about matching alone.
    public static Subscription Plain(string subject, string sid) =>
        new(null!, Encoding.UTF8.GetBytes(subject), null, Encoding.UTF8.GetBytes(sid));

    public static Subscription Queue(string subject, string queue, string sid) =>
        new(null!, Encoding.UTF8.GetBytes(subject), Encoding.UTF8.GetBytes(queue), Encoding.UTF8.GetBytes(sid));

    /// <summary>
    /// Plain sids, then each queue group as <c>name:sid,sid</c>, all sorted, since the order of
    /// subscriptions in a result is not part of the contract: <c>1 2 | q:3,4</c>.
    /// </summary>
    public static string Describe(SubjectMatch match)
    {
        var parts = new List<string> { string.Join(' ', Sids(match.Plain)) };
        foreach (var group in match.QueueGroups.OrderBy(static g => Encoding.UTF8.GetString(g.Name), StringComparer.Ordinal))
        {
            parts.Add($"{Encoding.UTF8.GetString(group.Name)}:{string.Join(',', Sids(group.Members))}");
        }

        return string.Join(" | ", parts);
    }

    private static IEnumerable<string> Sids(IEnumerable<Subscription> subscriptions) =>
        subscriptions.Select(static s => Encoding.UTF8.GetString(s.Sid)).Order(StringComparer.Ordinal);
}
