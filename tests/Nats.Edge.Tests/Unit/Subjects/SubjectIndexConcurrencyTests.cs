using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Nats.Edge.Server.Subjects;
using static Nats.Edge.Tests.Unit.Subjects.TestSubscriptions;

namespace Nats.Edge.Tests.Unit.Subjects;

/// <summary>
/// Connections subscribe and unsubscribe while others publish: writers insert and remove their own
/// subscriptions while readers match through their own caches, then the index must be exact.
/// </summary>
public class SubjectIndexConcurrencyTests
{
    // Wildcards at every level and two queue groups, so writers race on shared trie nodes.
    private static readonly string[] Patterns = ["a.b", "a.*", "a.>", ">", "*.b", "a.c", "a.b.c", "*.*.c"];
    private static readonly string[] Queues = ["", "q1", "q2"];
    private static readonly string[] Published = ["a.b", "a.c", "x.b", "a.b.c", "a", "x.y.c"];

    // Long enough for thousands of interleavings, short enough for a unit run on two shared cores.
    private static readonly TimeSpan RunFor = TimeSpan.FromSeconds(1);

    [Fact]
    public void Concurrent_inserts_removes_and_cached_matches_leave_the_index_exact()
    {
        const int Writers = 2;
        const int Readers = 2;
        const int PerWriter = 48;
        var index = new SubjectIndex();
        var owned = new Subscription[Writers][];
        var present = new bool[Writers][];
        var caches = new MatchCache[Readers];
        var failures = new ConcurrentQueue<string>();
        var deadline = Stopwatch.StartNew();

        for (var w = 0; w < Writers; w++)
        {
            owned[w] = [.. Enumerable.Range(0, PerWriter).Select(i => NewSubscription($"w{w}s{i}", i))];
            present[w] = new bool[PerWriter];
        }

        var threads = new List<Thread>();
        for (var w = 0; w < Writers; w++)
        {
            var writer = w;
            threads.Add(Start(failures, () =>
            {
                var random = new Random(writer);
                while (deadline.Elapsed < RunFor)
                {
                    var i = random.Next(PerWriter);
                    if (present[writer][i])
                    {
                        Check(failures, index.Remove(owned[writer][i]), "a present subscription could not be removed");
                    }
                    else
                    {
                        index.Insert(owned[writer][i]);
                    }

                    present[writer][i] = !present[writer][i];
                }
            }));
        }

        for (var r = 0; r < Readers; r++)
        {
            var cache = caches[r] = new MatchCache(index);
            threads.Add(Start(failures, () =>
            {
                while (deadline.Elapsed < RunFor)
                {
                    foreach (var subject in Published)
                    {
                        CheckEveryResultMatches(failures, subject, cache.Match(Encoding.ASCII.GetBytes(subject)));
                    }
                }
            }));
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
        var remaining = Enumerable.Range(0, Writers)
            .SelectMany(w => owned[w].Where((_, i) => present[w][i]))
            .ToList();
        Assert.Equal(remaining.Count, index.Count);
        foreach (var subject in Published)
        {
            var expected = Describe(Expected(remaining, subject));
            Assert.Equal(expected, Describe(index.Match(Encoding.ASCII.GetBytes(subject))));
            foreach (var cache in caches)
            {
                Assert.Equal(expected, Describe(cache.Match(Encoding.ASCII.GetBytes(subject))));
            }
        }
    }

    private static Subscription NewSubscription(string sid, int i)
    {
        var pattern = Patterns[i % Patterns.Length];
        var queue = Queues[i / Patterns.Length % Queues.Length];
        return queue.Length == 0 ? Plain(pattern, sid) : Queue(pattern, queue, sid);
    }

    // A result built while writers race may be a moment old, but every subscription in it must match.
    private static void CheckEveryResultMatches(ConcurrentQueue<string> failures, string subject, SubjectMatch match)
    {
        foreach (var subscription in match.Plain)
        {
            Check(failures, subscription.Queue is null && Matches(subscription.Subject, subject), $"{subject} got a wrong plain subscription");
        }

        foreach (var group in match.QueueGroups)
        {
            foreach (var member in group.Members)
            {
                Check(failures, member.Queue.AsSpan().SequenceEqual(group.Name) && Matches(member.Subject, subject), $"{subject} got a wrong queue member");
            }
        }
    }

    private static SubjectMatch Expected(List<Subscription> remaining, string subject)
    {
        var matching = remaining.Where(s => Matches(s.Subject, subject)).ToList();
        var groups = matching.Where(static s => s.Queue is not null)
            .GroupBy(static s => Encoding.UTF8.GetString(s.Queue!))
            .Select(static g => new QueueGroupMatch(Encoding.UTF8.GetBytes(g.Key), [.. g]))
            .ToArray();
        return new SubjectMatch([.. matching.Where(static s => s.Queue is null)], groups);
    }

    // nats-server's matching rules, token by token: an independent reference to check the trie against.
    private static bool Matches(byte[] pattern, string subject)
    {
        var wanted = Encoding.UTF8.GetString(pattern).Split('.');
        var tokens = subject.Split('.');
        for (var i = 0; i < wanted.Length; i++)
        {
            if (wanted[i] == ">")
            {
                return tokens.Length > i;
            }

            if (i >= tokens.Length || (wanted[i] != "*" && wanted[i] != tokens[i]))
            {
                return false;
            }
        }

        return tokens.Length == wanted.Length;
    }

    private static void Check(ConcurrentQueue<string> failures, bool condition, string failure)
    {
        if (!condition)
        {
            failures.Enqueue(failure);
        }
    }

    private static Thread Start(ConcurrentQueue<string> failures, Action body)
    {
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception exception)
            {
                // Rethrowing on a thread of our own would bring down the whole test host.
                failures.Enqueue(exception.ToString());
            }
        });
        thread.Start();
        return thread;
    }
}
