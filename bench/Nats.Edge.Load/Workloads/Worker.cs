namespace Nats.Edge.Load.Workloads;

/// <summary>
/// A connection driven by its own thread with blocking socket calls: no thread-pool hops or async state
/// machines between the socket and the counting.
/// </summary>
internal abstract class Worker : IDisposable
{
    // 100 ms: how long a stop request can wait for a blocked receive to time out.
    protected static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Thread _thread;
    private volatile bool _stopping;
    private bool _started;

    protected Worker(string name) => _thread = new Thread(Run) { IsBackground = true, Name = name };

    /// <summary>Why the thread ended early, if it did.</summary>
    public Exception? Failure { get; private set; }

    protected bool Stopping => _stopping;

    public void Start()
    {
        _started = true;
        _thread.Start();
    }

    /// <summary>Waits for a loop that ends on its own, bounded by its own timeouts.</summary>
    public void Join() => _thread.Join();

    /// <summary>Asks the loop to end and waits a bounded time for it.</summary>
    public void Stop()
    {
        _stopping = true;
        if (_started)
        {
            _thread.Join(PollInterval * 20);
        }
    }

    public abstract void Dispose();

    /// <summary>The thread's work; returns when done or when <see cref="Stopping"/> turns true.</summary>
    protected abstract void Loop();

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception e) when (!_stopping)
        {
            Failure = e;
        }
    }
}
