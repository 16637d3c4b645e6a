using System.Diagnostics;
using System.Globalization;
using NATS.Client.Core;
using Nats.Edge.Tests.Infrastructure;

namespace Nats.Edge.Tests.Reliability;

/// <summary>
/// Kills a board's peer (its hub, or a route peer) with SIGKILL and starts it again on the same ports,
/// cycle after cycle, while 2,000 msgs/s go each way. Records, per cycle, how long the link took to
/// come back after the restart, and over the whole run whether the board's own traffic paused, its
/// clients disconnected, or a message arrived twice.
/// </summary>
internal sealed class LinkFlapper
{
    // 2,000 msgs/s each way: 20 every 10 ms.
    private const int PerTick = 20;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly IRunningServer _board;
    private readonly Func<Task<IRunningServer>> _startPeer;
    private readonly string _linkPath;
    private readonly List<TimeSpan> _recoveries = [];
    private readonly List<string> _faults = [];
    private IRunningServer _peer;
    private long _longestLocalGapTicks;
    private long _longestPublisherStallTicks;
    private int _disconnects;
    private int _downSeenCycle = -1;

    /// <param name="board">The server whose links and clients are watched.</param>
    /// <param name="peer">The running peer, killed first.</param>
    /// <param name="startPeer">Starts the peer again on the same ports; done when it listens.</param>
    /// <param name="linkPath">The board's monitoring endpoint whose count says the link is up: <c>/leafz</c> or <c>/routez</c>.</param>
    public LinkFlapper(IRunningServer board, IRunningServer peer, Func<Task<IRunningServer>> startPeer, string linkPath)
    {
        _board = board;
        _peer = peer;
        _startPeer = startPeer;
        _linkPath = linkPath;
    }

    /// <summary>The peer as it runs now; the caller disposes it after <see cref="RunAsync"/>.</summary>
    public IRunningServer Peer => _peer;

    /// <summary>What each cycle took, and what went wrong (nothing, when it holds up).</summary>
    public sealed record Figures(IReadOnlyList<TimeSpan> Recoveries, TimeSpan LongestLocalGap, TimeSpan LongestPublisherStall, int Disconnects, IReadOnlyList<string> Faults)
    {
        public TimeSpan Median => Sorted[Sorted.Count / 2];

        public TimeSpan Longest => Sorted[^1];

        private List<TimeSpan> Sorted => [.. Recoveries.Order()];

        public string Summary(string what) => string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {Recoveries.Count} restarts, recovery median {Median.TotalMilliseconds:F0} ms, max {Longest.TotalMilliseconds:F0} ms; "
            + $"longest local gap {LongestLocalGap.TotalMilliseconds:F0} ms (publisher stalled at most {LongestPublisherStall.TotalMilliseconds:F0} ms); "
            + $"client disconnects {Disconnects}; faults {Faults.Count}");
    }

    public async Task<Figures> RunAsync(int cycles)
    {
        await using var publisher = await TestClients.ConnectAsync(_board);
        await using var subscriber = await TestClients.ConnectAsync(_board);
        foreach (var connection in new[] { publisher, subscriber })
        {
            connection.ConnectionDisconnected += (_, _) =>
            {
                Interlocked.Increment(ref _disconnects);
                return ValueTask.CompletedTask;
            };
        }

        using var stop = new CancellationTokenSource();
        await using var local = await subscriber.SubscribeCoreAsync<string>("flap.up");
        await using var down = await subscriber.SubscribeCoreAsync<string>("flap.down");
        await subscriber.PingAsync();
        var watching = Task.WhenAll(WatchLocalAsync(local, stop.Token), WatchDownAsync(down, stop.Token));
        var publishing = PublishAsync(publisher, "flap.up", _ => string.Empty, stall => Max(ref _longestPublisherStallTicks, stall), stop.Token);
        try
        {
            await WaitForLinkAsync(up: true);
            for (var cycle = 0; cycle < cycles; cycle++)
            {
                await RunCycleAsync(cycle);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await publishing;
            await watching;
        }

        return new Figures(
            _recoveries,
            TimeSpan.FromTicks(Interlocked.Read(ref _longestLocalGapTicks)),
            TimeSpan.FromTicks(Interlocked.Read(ref _longestPublisherStallTicks)),
            Volatile.Read(ref _disconnects),
            _faults);
    }

    private async Task RunCycleAsync(int cycle)
    {
        await _peer.DisposeAsync();
        await WaitForLinkAsync(up: false);
        _peer = await _startPeer();
        var restarted = Stopwatch.GetTimestamp();
        await WaitForLinkAsync(up: true);
        _recoveries.Add(Stopwatch.GetElapsedTime(restarted));

        await using var remote = await TestClients.ConnectAsync(_peer);

        // The board's interest, announced before the outage, is known to the new peer: what the
        // peer publishes reaches the board's subscription without the board doing anything.
        using var downStop = new CancellationTokenSource();
        var prefix = $"{cycle}:";
        var downPublishing = PublishAsync(remote, "flap.down", _ => prefix, _ => { }, downStop.Token);
        var downSeen = await PollAsync(() => Volatile.Read(ref _downSeenCycle) == cycle, TimeSpan.FromSeconds(10));

        // And the board's messages reach a subscriber on the peer, each once, in order.
        await using var up = await remote.SubscribeCoreAsync<string>("flap.up");
        await remote.PingAsync();
        var upOrdered = await ReadInOrderAsync(up, count: 200);
        await downStop.CancelAsync();
        await downPublishing;

        if (!downSeen)
        {
            Fault($"cycle {cycle}: nothing the peer published reached the board within 10 s");
        }

        if (upOrdered is { } fault)
        {
            Fault($"cycle {cycle}: {fault}");
        }
    }

    private async Task WaitForLinkAsync(bool up)
    {
        if (!await PollAsync(async () => await LinkCountAsync() > 0 == up, TimeSpan.FromSeconds(15)))
        {
            throw new TimeoutException($"the board's {_linkPath} did not show the link {(up ? "up" : "down")} within 15 s");
        }
    }

    private async Task<int> LinkCountAsync() =>
        (await MonitorClient.GetJsonAsync(_board, _linkPath)).GetProperty(_linkPath == "/leafz" ? "leafnodes" : "num_routes").GetInt32();

    private void Fault(string what)
    {
        lock (_faults)
        {
            _faults.Add(what);
        }
    }

    private static Task<bool> PollAsync(Func<bool> condition, TimeSpan within) => PollAsync(() => Task.FromResult(condition()), within);

    // Every 5 ms, so a recovery is timed to within a few milliseconds.
    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > within)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    // Sequence numbers strictly rising: none lost in between would be too strict across a link that
    // was down, but none may come twice or out of order.
    private static async Task<string?> ReadInOrderAsync(INatsSub<string> subscription, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var last = -1L;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var message = await subscription.Msgs.ReadAsync(timeout.Token);
                var seq = long.Parse(message.Data!, CultureInfo.InvariantCulture);
                if (seq <= last)
                {
                    return $"the peer's subscriber got {seq} after {last}";
                }

                last = seq;
            }
        }
        catch (OperationCanceledException)
        {
            return "the board's messages did not reach the peer's subscriber within 10 s";
        }

        return null;
    }

    private async Task WatchLocalAsync(INatsSub<string> local, CancellationToken stop)
    {
        var last = 0L;
        try
        {
            await foreach (var _ in local.Msgs.ReadAllAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                if (last != 0)
                {
                    Max(ref _longestLocalGapTicks, Stopwatch.GetElapsedTime(last, now).Ticks);
                }

                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // The peer's messages carry "cycle:seq": cycles only move on, and within one, seq only rises.
    private async Task WatchDownAsync(INatsSub<string> down, CancellationToken stop)
    {
        var lastCycle = -1;
        var lastSeq = -1L;
        try
        {
            await foreach (var message in down.Msgs.ReadAllAsync(stop))
            {
                var text = message.Data!;
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var cycle = int.Parse(text.AsSpan(0, colon), CultureInfo.InvariantCulture);
                var seq = long.Parse(text.AsSpan(colon + 1), CultureInfo.InvariantCulture);
                if (cycle < lastCycle || (cycle == lastCycle && seq <= lastSeq))
                {
                    Fault($"cycle {cycle}: the board's subscriber got {cycle}:{seq} after {lastCycle}:{lastSeq}");
                }

                (lastCycle, lastSeq) = (cycle, seq);
                Volatile.Write(ref _downSeenCycle, cycle);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task PublishAsync(NatsConnection connection, string subject, Func<long, string> prefix, Action<long> stalled, CancellationToken stop)
    {
        var seq = 0L;
        var last = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                stalled(Stopwatch.GetElapsedTime(last, now).Ticks);
                last = now;
                for (var i = 0; i < PerTick; i++)
                {
                    await connection.PublishAsync(subject, prefix(seq) + seq.ToString(CultureInfo.InvariantCulture), cancellationToken: stop);
                    seq++;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Max(ref long slot, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref slot)) && Interlocked.CompareExchange(ref slot, value, seen) != seen)
        {
        }
    }
}
