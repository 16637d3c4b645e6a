namespace Nats.Edge.Server.Connections;

/// <summary>
/// The publishers' receive loops paused until one connection's output drains: each adds its waiter
/// once, and that connection's sender (or its close) releases them all at once.
/// </summary>
internal sealed class DrainWaiterList
{
    private readonly List<DrainWaiter> _waiters = [];

    public void Add(DrainWaiter waiter)
    {
        lock (_waiters)
        {
            if (!_waiters.Contains(waiter))
            {
                _waiters.Add(waiter);
            }
        }
    }

    public void ReleaseAll()
    {
        lock (_waiters)
        {
            foreach (var waiter in _waiters)
            {
                waiter.Complete();
            }

            _waiters.Clear();
        }
    }
}
