using NATS.Client.Core;
using Nats.Edge.Load.NatsNet;
using Nats.Edge.Load.Wire;

namespace Nats.Edge.Load.Soak;

/// <summary>
/// The mixed traffic of a board in service, through NATS.Net: publish/subscribe, a queue group of
/// three, request-reply, readings up the leaf link to the hub and commands down it, the simulated
/// sensors watched from the hub, and a client connecting and leaving twice a second. Each stream
/// counts what arrived, so a sample can tell that all of them still flow.
/// </summary>
internal sealed class SoakTraffic : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly NatsEndpoint _board;
    private readonly List<NatsConnection> _connections = [];
    private readonly List<Task> _running = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _delivered = new long[Streams.Length];

    private SoakTraffic(NatsEndpoint board) => _board = board;

    /// <summary>The streams, in the order <see cref="Delivered"/> counts them.</summary>
    public static string[] Streams { get; } = ["pubsub", "queue", "request", "leaf_up", "leaf_down", "devices", "churn"];

    /// <summary>What each stream has delivered so far.</summary>
    public long[] Delivered()
    {
        var counts = new long[_delivered.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Interlocked.Read(ref _delivered[i]);
        }

        return counts;
    }

    public static async Task<SoakTraffic> StartAsync(NatsEndpoint board, NatsEndpoint hub)
    {
        var traffic = new SoakTraffic(board);
        var onBoard = await traffic.OpenAsync(board, "soak-board");
        var onHub = await traffic.OpenAsync(hub, "soak-hub");

        // 1,000 msgs/s published and subscribed on the board.
        traffic.Count(await onBoard.SubscribeCoreAsync<byte[]>("soak.pubsub"), 0);
        for (var i = 0; i < 3; i++)
        {
            traffic.Count(await onBoard.SubscribeCoreAsync<byte[]>("soak.queue", queueGroup: "workers"), 1);
        }

        var responder = await onBoard.SubscribeCoreAsync<byte[]>("soak.request");
        traffic._running.Add(traffic.AnswerAsync(responder));
        traffic.Count(await onHub.SubscribeCoreAsync<byte[]>("soak.up"), 3);
        traffic.Count(await onBoard.SubscribeCoreAsync<byte[]>("soak.down"), 4);
        traffic.Count(await onHub.SubscribeCoreAsync<byte[]>("devices.>"), 5);
        await NatsNetConnections.PingAsync(onBoard, Timeout);
        await NatsNetConnections.PingAsync(onHub, Timeout);

        var publisher = await traffic.OpenAsync(board, "soak-publisher");
        var hubPublisher = await traffic.OpenAsync(hub, "soak-hub-publisher");
        traffic._running.Add(traffic.PublishAsync(publisher, "soak.pubsub", perTick: 10));
        traffic._running.Add(traffic.PublishAsync(publisher, "soak.queue", perTick: 3));
        traffic._running.Add(traffic.PublishAsync(publisher, "soak.up", perTick: 5));
        traffic._running.Add(traffic.PublishAsync(hubPublisher, "soak.down", perTick: 5));
        traffic._running.Add(traffic.RequestAsync(await traffic.OpenAsync(board, "soak-requester")));
        traffic._running.Add(traffic.ChurnAsync());
        return traffic;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_running);
        }
        catch (Exception e) when (e is OperationCanceledException or NatsException)
        {
            // The streams end as the connections go.
        }

        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task<NatsConnection> OpenAsync(NatsEndpoint endpoint, string name)
    {
        var connection = await NatsNetConnections.OpenAsync(endpoint, name, Timeout);
        _connections.Add(connection);
        return connection;
    }

    private void Count(INatsSub<byte[]> subscription, int stream) => _running.Add(CountAsync(subscription, stream));

    private async Task CountAsync(INatsSub<byte[]> subscription, int stream)
    {
        try
        {
            await foreach (var _ in subscription.Msgs.ReadAllAsync(_stop.Token))
            {
                Interlocked.Increment(ref _delivered[stream]);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(NatsConnection connection, string subject, int perTick)
    {
        var payload = new byte[64];
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                for (var i = 0; i < perTick; i++)
                {
                    await connection.PublishAsync(subject, payload, cancellationToken: _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AnswerAsync(INatsSub<byte[]> requests)
    {
        try
        {
            await foreach (var request in requests.Msgs.ReadAllAsync(_stop.Token))
            {
                await request.ReplyAsync(request.Data, cancellationToken: _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // 100 round trips a second, one at a time.
    private async Task RequestAsync(NatsConnection connection)
    {
        var payload = new byte[32];
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await connection.RequestAsync<byte[], byte[]>("soak.request", payload, cancellationToken: _stop.Token);
                Interlocked.Increment(ref _delivered[2]);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // A client that comes, subscribes, checks in and leaves, twice a second: what a connection leaves
    // behind after it closed shows up here as memory or handles that only grow.
    private async Task ChurnAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var visitor = await NatsNetConnections.OpenAsync(_board, "soak-visitor", Timeout);
                await using var subscription = await visitor.SubscribeCoreAsync<byte[]>("soak.visitor.>", cancellationToken: _stop.Token);
                await NatsNetConnections.PingAsync(visitor, Timeout);
                Interlocked.Increment(ref _delivered[6]);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
