using System.Diagnostics;
using System.Threading.Channels;
using NATS.Client.Core;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>
/// One direction of steady traffic: a client publishes 1, 2, 3 … at a fixed rate on a subject another
/// client subscribes to, and every number that arrives is kept in arrival order, so a test can tell
/// where the flow came back after an outage and whether any number went missing after that.
/// </summary>
public sealed class NumberedFlow : IAsyncDisposable
{
    private readonly NatsConnection _publisher;
    private readonly INatsSub<int> _subscription;
    private readonly int _perSecond;
    private readonly List<int> _arrived = [];
    private readonly CancellationTokenSource _stop = new();
    private int _published;
    private int _highest;
    private Task _publishing = Task.CompletedTask;
    private Task _receiving = Task.CompletedTask;

    private NumberedFlow(NatsConnection publisher, INatsSub<int> subscription, int perSecond)
    {
        _publisher = publisher;
        _subscription = subscription;
        _perSecond = perSecond;
    }

    public string Subject => _subscription.Subject;

    /// <summary>The highest number handed to the publishing client so far.</summary>
    public int Published => Volatile.Read(ref _published);

    /// <summary>
    /// Subscribes on <paramref name="subscriber"/> and starts publishing on <paramref name="publisher"/>
    /// at <paramref name="perSecond"/>; the subscription is in place on its server before the first number.
    /// </summary>
    public static async Task<NumberedFlow> StartAsync(NatsConnection publisher, NatsConnection subscriber, string subject, int perSecond)
    {
        // Wait, not the client's default drop-newest: a number dropped inside the client would
        // look like one the servers lost.
        var subscription = await subscriber.SubscribeCoreAsync<int>(
            subject, opts: new NatsSubOpts { ChannelOpts = new NatsSubChannelOpts { FullMode = BoundedChannelFullMode.Wait } });
        await subscriber.PingAsync();
        var flow = new NumberedFlow(publisher, subscription, perSecond);
        flow._receiving = flow.ReceiveAsync(flow._stop.Token);
        flow._publishing = flow.PublishAsync(flow._stop.Token);
        return flow;
    }

    /// <summary>The first number above <paramref name="after"/> to arrive, in arrival order; null while none has.</summary>
    public int? FirstArrivedAbove(int after)
    {
        lock (_arrived)
        {
            foreach (var number in _arrived)
            {
                if (number > after)
                {
                    return number;
                }
            }
        }

        return null;
    }

    /// <summary>True once every number up to <paramref name="number"/> could have arrived: the highest one seen is at least that.</summary>
    public bool HasArrivedUpTo(int number) => Volatile.Read(ref _highest) >= number;

    /// <summary>The numbers from <paramref name="first"/> to <paramref name="last"/> that never arrived.</summary>
    public List<int> MissingBetween(int first, int last)
    {
        var seen = new HashSet<int>();
        lock (_arrived)
        {
            seen.UnionWith(_arrived);
        }

        var missing = new List<int>();
        for (var number = first; number <= last; number++)
        {
            if (!seen.Contains(number))
            {
                missing.Add(number);
            }
        }

        return missing;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_publishing, _receiving);
        await _subscription.DisposeAsync();
        _stop.Dispose();
    }

    // Paced by the clock, not by a delay per message: each wake-up publishes what is due since the start.
    private async Task PublishAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        var next = 1;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * _perSecond);
                while (next <= due && !stop.IsCancellationRequested && await TryPublishAsync(next, stop))
                {
                    Volatile.Write(ref _published, next);
                    next++;
                }

                await Task.Delay(2, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // A client that is reconnecting may refuse a publish; the same number goes again on the next wake-up.
    private async Task<bool> TryPublishAsync(int number, CancellationToken stop)
    {
        try
        {
            await _publisher.PublishAsync(_subscription.Subject, number, cancellationToken: stop);
            return true;
        }
        catch (Exception ex) when (ex is NatsException or TimeoutException)
        {
            return false;
        }
    }

    private async Task ReceiveAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var message in _subscription.Msgs.ReadAllAsync(stop))
            {
                lock (_arrived)
                {
                    _arrived.Add(message.Data);
                    if (message.Data > _highest)
                    {
                        Volatile.Write(ref _highest, message.Data);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
