using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using Nats.Edge.Load.NatsNet;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Outbox;

/// <summary>A NATS.Net connection to the hub, for its stream: create, purge, count.</summary>
internal sealed class JetStreamHub : IAsyncDisposable
{
    // 20 ms between stream counts: a drain of a few seconds is timed to within 1 %, and the hub
    // answers 50 STREAM.INFO requests a second without it showing in the drain.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly NatsConnection _connection;

    private JetStreamHub(NatsConnection connection)
    {
        _connection = connection;
        JetStream = new NatsJSContext(connection);
    }

    public NatsJSContext JetStream { get; }

    public static async Task<JetStreamHub> ConnectAsync(NatsEndpoint hub, string name, TimeSpan timeout) =>
        new(await NatsNetConnections.OpenAsync(hub, name, timeout).ConfigureAwait(false));

    /// <summary>The stream README's "Store and forward" section asks for: file storage, a 2-minute duplicate window.</summary>
    public async Task CreateStreamAsync() =>
        await JetStream.CreateStreamAsync(new StreamConfig(OutboxConfigs.Stream, [OutboxConfigs.StreamSubjects])
        {
            Storage = StreamConfigStorage.File,
            DuplicateWindow = TimeSpan.FromMinutes(2),
        }).ConfigureAwait(false);

    public async Task PurgeAsync() =>
        await JetStream.PurgeStreamAsync(OutboxConfigs.Stream, new StreamPurgeRequest()).ConfigureAwait(false);

    public async Task<long> CountAsync() => (await StateAsync().ConfigureAwait(false)).Messages;

    /// <summary>What the stream holds: messages, and their bytes as the hub stores them (headers included).</summary>
    public async Task<StreamState> StateAsync()
    {
        INatsJSStream stream = await JetStream.GetStreamAsync(OutboxConfigs.Stream).ConfigureAwait(false);
        return stream.Info.State;
    }

    /// <summary>Counts until the stream holds <paramref name="messages"/>; returns when that was seen (a Stopwatch timestamp).</summary>
    public async Task<long> AwaitCountAsync(long messages, TimeSpan timeout)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        long count = await CountAsync().ConfigureAwait(false);
        while (count < messages)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"stream {OutboxConfigs.Stream} holds {count} of {messages} messages after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
            count = await CountAsync().ConfigureAwait(false);
        }

        return Stopwatch.GetTimestamp();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
