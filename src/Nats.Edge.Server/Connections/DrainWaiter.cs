using System.Threading.Tasks.Sources;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// A receive loop's reusable pause: awaited while a subscriber it feeds drains, completed by that
/// subscriber's sender or by a timer, whichever comes first. Reused for every stall, so pausing a fast
/// publisher allocates nothing.
/// </summary>
internal sealed class DrainWaiter : IValueTaskSource, IDisposable
{
    private readonly Timer _timer;
    private ManualResetValueTaskSourceCore<bool> _core;
    private int _armed;

    public DrainWaiter()
    {
        _core.RunContinuationsAsynchronously = true;
        _timer = new Timer(static state => ((DrainWaiter)state!).Complete(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Arms the pause; it ends at <see cref="Complete"/> or after <paramref name="limit"/>.</summary>
    public ValueTask WaitAsync(TimeSpan limit)
    {
        _core.Reset();
        Volatile.Write(ref _armed, 1);
        _timer.Change(limit, Timeout.InfiniteTimeSpan);
        return new ValueTask(this, _core.Version);
    }

    /// <summary>Ends the current pause; later calls for the same pause do nothing.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            _core.SetResult(true);
        }
    }

    public void Dispose() => _timer.Dispose();

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
