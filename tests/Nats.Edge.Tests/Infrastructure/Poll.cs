namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline instead of sleeping for propagation.</summary>
public static class Poll
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms; fails after 10 s with <paramref name="describe"/>'s text.</summary>
    public static Task UntilAsync(Func<bool> condition, Func<string>? describe = null) =>
        UntilAsync(() => Task.FromResult(condition()), describe);

    /// <summary>The same for a condition that must await, such as a request; each check runs to its end before the next.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string>? describe = null)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Startup;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("condition not met before the deadline" + (describe is null ? string.Empty : ":\n" + describe()));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Polls <paramref name="log"/> until <paramref name="text"/> appears; fails with the whole log after 10 s.</summary>
    public static Task UntilLogContainsAsync(Func<string> log, string text) =>
        UntilAsync(() => log().Contains(text, StringComparison.Ordinal), () => $"\"{text}\" never appeared in the log:\n{log()}");
}
