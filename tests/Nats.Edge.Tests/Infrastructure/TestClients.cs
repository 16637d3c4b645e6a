using NATS.Client.Core;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>NATS.Net connections and reads, bounded the same way as the raw tests.</summary>
public static class TestClients
{
    /// <summary>
    /// Connects a NATS.Net client, with <paramref name="auth"/> when given, that retries quickly so
    /// reconnect tests finish in seconds.
    /// </summary>
    public static Task<NatsConnection> ConnectAsync(IRunningServer server, NatsAuthOpts? auth = null) => ConnectAsync(server.Url, auth);

    /// <summary>The same, to a server started as a process (<see cref="IServerProcess"/>) on 127.0.0.1.</summary>
    public static Task<NatsConnection> ConnectAsync(IServerProcess server) => ConnectAsync($"nats://127.0.0.1:{server.Port}", auth: null);

    private static async Task<NatsConnection> ConnectAsync(string url, NatsAuthOpts? auth)
    {
        var connection = new NatsConnection(new NatsOpts
        {
            Url = url,
            AuthOpts = auth ?? NatsAuthOpts.Default,
            Name = "nats-edge-tests",
            ConnectTimeout = TestTimeouts.Reply,
            RequestTimeout = TestTimeouts.Reply,
            ReconnectWaitMin = TimeSpan.FromMilliseconds(50),
            ReconnectWaitMax = TimeSpan.FromMilliseconds(200),
            ReconnectJitter = TimeSpan.FromMilliseconds(20),
            MaxReconnectRetry = -1,
        });
        try
        {
            await connection.ConnectAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The next message of <paramref name="subscription"/>, or a failure after the reply timeout.</summary>
    public static async Task<NatsMsg<T>> NextAsync<T>(INatsSub<T> subscription)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Reply);
        try
        {
            return await subscription.Msgs.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No message on {subscription.Subject} within {TestTimeouts.Reply}.");
            throw;
        }
    }

    /// <summary>
    /// The next message on <paramref name="subject"/> that <paramref name="where"/> accepts, skipping
    /// the others. One deadline covers the whole wait, the startup one because a wildcard subscription
    /// may carry many periodic messages first; the failure adds <paramref name="describe"/>'s text.
    /// </summary>
    public static async Task<NatsMsg<T>> NextOnAsync<T>(
        INatsSub<T> subscription, string subject, Func<NatsMsg<T>, bool>? where = null, Func<string>? describe = null)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Startup);
        try
        {
            while (true)
            {
                var message = await subscription.Msgs.ReadAsync(timeout.Token);
                if (message.Subject == subject && (where is null || where(message)))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Nothing matching on {subject} within {TestTimeouts.Startup}." + (describe is null ? string.Empty : "\n" + describe()));
            throw;
        }
    }

    /// <summary>
    /// Counts what <paramref name="subscription"/> receives into <paramref name="counts"/>[<paramref name="index"/>]
    /// until <paramref name="stop"/>: one counter per member of a queue group.
    /// </summary>
    public static async Task CountAsync<T>(INatsSub<T> subscription, int[] counts, int index, CancellationToken stop)
    {
        try
        {
            await foreach (var _ in subscription.Msgs.ReadAllAsync(stop))
            {
                Interlocked.Increment(ref counts[index]);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Everything already delivered to <paramref name="subscription"/>, without waiting.</summary>
    public static List<T?> Drain<T>(INatsSub<T> subscription)
    {
        var payloads = new List<T?>();
        while (subscription.Msgs.TryRead(out var msg))
        {
            payloads.Add(msg.Data);
        }

        return payloads;
    }
}
