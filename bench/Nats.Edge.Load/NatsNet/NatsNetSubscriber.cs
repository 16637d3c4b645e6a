using System.Diagnostics;
using System.Threading.Channels;
using NATS.Client.Core;
using Nats.Edge.Load.Wire;
using Nats.Edge.Load.Workloads;

namespace Nats.Edge.Load.NatsNet;

/// <summary>One NATS.Net connection with one subscription, counting the messages it receives.</summary>
internal sealed class NatsNetSubscriber : IAsyncDisposable, IDeliveryCount
{
    private readonly NatsConnection _connection;
    private readonly INatsSub<NatsMemoryOwner<byte>> _subscription;
    private readonly CancellationTokenSource _stop = new();
    private Task? _counting;
    private long _count;
    private long _lastArrival;

    private NatsNetSubscriber(NatsConnection connection, INatsSub<NatsMemoryOwner<byte>> subscription)
    {
        _connection = connection;
        _subscription = subscription;
    }

    /// <summary>Messages counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Stopwatch timestamp of the read that brought the last counted message.</summary>
    public long LastArrival => Interlocked.Read(ref _lastArrival);

    /// <summary>Why counting ended early, if it did.</summary>
    public Exception? Failure => _counting is { IsFaulted: true } counting ? counting.Exception.InnerException : null;

    /// <summary>Connects and subscribes; returns once a PONG proves the server has the subscription.</summary>
    public static async Task<NatsNetSubscriber> OpenAsync(NatsEndpoint endpoint, string subject, string? queue, TimeSpan timeout)
    {
        NatsConnection connection = await NatsNetConnections.OpenAsync(endpoint, "nats-edge-load natsnet sub", timeout).ConfigureAwait(false);
        try
        {
            // Pooled buffers rather than a byte[] per message, as NATS.Net's serialization guide
            // suggests for throughput: the client's garbage would otherwise compete with the server
            // for the same cores.
            INatsSub<NatsMemoryOwner<byte>> subscription = await connection.SubscribeCoreAsync(
                subject, queue, NatsRawSerializer<NatsMemoryOwner<byte>>.Default).ConfigureAwait(false);
            await NatsNetConnections.PingAsync(connection, timeout).ConfigureAwait(false);
            return new NatsNetSubscriber(connection, subscription);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public void Start() => _counting = Task.Run(CountAsync);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_counting is not null)
        {
            // Its failure, if any, has already been reported through Failure.
            await _counting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _subscription.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    // Drains what the channel holds, then publishes count and time once per batch, as the raw
    // subscriber does once per socket read.
    private async Task CountAsync()
    {
        ChannelReader<NatsMsg<NatsMemoryOwner<byte>>> messages = _subscription.Msgs;
        long count = 0;
        try
        {
            while (await messages.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (messages.TryRead(out NatsMsg<NatsMemoryOwner<byte>> message))
                {
                    message.Data.Dispose();
                    count++;
                }

                // Arrival first: whoever sees the final count must also see its time.
                Interlocked.Exchange(ref _lastArrival, Stopwatch.GetTimestamp());
                Interlocked.Exchange(ref _count, count);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            return;
        }

        throw new IOException("the subscription ended before the run did");
    }
}
