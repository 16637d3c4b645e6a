using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Gateways;

/// <summary>
/// Two single-server clusters joined by gateways, each dialling the other: A and B, each nats-edge or
/// Debian's nats-server, started from the same kind of JSON config.
/// </summary>
public sealed class GatewayPair : IAsyncDisposable
{
    private GatewayPair(IRunningServer a, IRunningServer b)
    {
        A = a;
        B = b;
    }

    public IRunningServer A { get; }

    public IRunningServer B { get; }

    /// <summary>The gateway port of A, which B dials.</summary>
    public int PortA { get; private init; }

    /// <summary>The gateway port of B, which A dials.</summary>
    public int PortB { get; private init; }

    /// <summary>Starts A, then B; <paramref name="body"/> (such as <c>"http_port": -1</c>) goes into both configs.</summary>
    public static async Task<GatewayPair> StartAsync(ServerTarget a, ServerTarget b, string? body = null)
    {
        var portA = TestPorts.Free();
        var portB = TestPorts.Free();
        var prefix = body is null ? string.Empty : body.Trim().TrimEnd(',') + ",\n";
        var serverA = await TestServers.StartWithConfigAsync(a, prefix + Config("A", portA, ("B", portB)));
        try
        {
            var serverB = await TestServers.StartWithConfigAsync(b, prefix + Config("B", portB, ("A", portA)));
            return new GatewayPair(serverA, serverB) { PortA = portA, PortB = portB };
        }
        catch
        {
            await serverA.DisposeAsync();
            throw;
        }
    }

    /// <summary>A gateway block named <paramref name="name"/> on <paramref name="port"/>, dialling the clusters given.</summary>
    public static string Config(string name, int port, params (string Name, int Port)[] remotes) =>
        $$"""
        "gateway": { "name": "{{name}}", "host": "127.0.0.1", "port": {{port}},
          "gateways": [ {{string.Join(", ", remotes.Select(remote => $"{{ \"name\": \"{remote.Name}\", \"url\": \"nats://127.0.0.1:{remote.Port}\" }}"))}} ] }
        """;

    /// <summary>
    /// A subscription on <paramref name="to"/> that messages from <paramref name="from"/> reach: a
    /// wildcard is probed with fresh subjects under it, a literal subject with "warmup" messages on
    /// itself, until one crosses.
    /// </summary>
    public static async Task<INatsSub<string>> SubscribeAcrossAsync(NatsConnection from, NatsConnection to, string subject)
    {
        if (subject.EndsWith('>'))
        {
            return await LeafPair.SubscribeAcrossAsync(from, to, subject, subject.TrimEnd('>', '.'));
        }

        var subscription = await to.SubscribeCoreAsync<string>(subject);
        await to.PingAsync();
        if (!await LeafPair.ReachesAsync(from, subscription, subject, TimeSpan.FromSeconds(15)))
        {
            Assert.Fail($"no message crossed on {subject} within 15 s");
        }

        return subscription;
    }

    /// <summary>Answers every request on <paramref name="service"/> with <paramref name="answer"/> until <paramref name="stop"/>; probes without a reply go unanswered.</summary>
    public static async Task AnswerAsync(NatsConnection connection, INatsSub<string> service, string answer, CancellationToken stop)
    {
        try
        {
            await foreach (var request in service.Msgs.ReadAllAsync(stop))
            {
                if (request.ReplyTo is { } reply)
                {
                    await connection.PublishAsync(reply, answer, cancellationToken: CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the test has its answers.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
