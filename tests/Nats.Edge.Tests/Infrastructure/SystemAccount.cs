using System.Text.Json;
using NATS.Client.Core;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Asks a server's system account, as a fleet tool does: requests, and pings answered by many.</summary>
public static class SystemAccount
{
    /// <summary>A system user and an application account, the same on either server.</summary>
    public const string Accounts = """
        "server_name": "plant-1",
        "accounts": {
          "$SYS": { "users": [ { "user": "sys", "password": "sys" } ] },
          "APP": { "users": [ { "user": "app", "password": "app" } ] }
        },
        """;

    public static NatsAuthOpts SystemUser { get; } = new() { Username = "sys", Password = "sys" };

    public static NatsAuthOpts AppUser { get; } = new() { Username = "app", Password = "app" };

    /// <summary>Starts <paramref name="target"/> with <see cref="Accounts"/> and whatever <paramref name="extra"/> adds.</summary>
    public static Task<IRunningServer> StartAsync(ServerTarget target, string extra = "") =>
        TestServers.StartWithConfigAsync(target, Accounts + extra);

    /// <summary>The one answer to <paramref name="subject"/>, parsed.</summary>
    public static async Task<JsonElement> RequestAsync(NatsConnection system, string subject, string payload = "")
    {
        var answer = await system.RequestAsync<string, string>(subject, payload);
        return JsonDocument.Parse(answer.Data ?? string.Empty).RootElement;
    }

    /// <summary>
    /// Sends one request on <paramref name="subject"/> and gathers answers until <paramref name="count"/>
    /// came, or the reply timeout passed: a ping is answered once by every server that hears it.
    /// </summary>
    public static async Task<List<JsonElement>> GatherAsync(NatsConnection system, string subject, int count, string payload = "")
    {
        var inbox = NewReplySubject();
        await using var answers = await system.SubscribeCoreAsync<string>(inbox);
        await system.PublishAsync(subject, payload, replyTo: inbox);
        var gathered = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        try
        {
            while (gathered.Count < count)
            {
                var answer = await answers.Msgs.ReadAsync(timeout.Token);
                gathered.Add(JsonDocument.Parse(answer.Data ?? string.Empty).RootElement);
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer answers than asked for: the caller's assertion says which servers were silent.
        }

        return gathered;
    }

    /// <summary>A reply subject of the test's own, outside NATS.Net's inbox prefix, whose replies its request muxer takes.</summary>
    public static string NewReplySubject() => $"answers.{Guid.NewGuid():N}";

    /// <summary>The <c>server.name</c> of each answer, sorted.</summary>
    public static List<string> ServerNames(IEnumerable<JsonElement> answers) =>
        answers.Select(answer => answer.GetProperty("server").GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
}
