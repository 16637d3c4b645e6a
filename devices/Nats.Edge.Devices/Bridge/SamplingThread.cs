namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// Reads every sampled sensor, each when it is due, on one background thread of the bridge's own.
/// Drivers block (an SHT3x waits 20 ms per command, a DHT22 bit-bangs its pulses): on the thread pool
/// they would hold threads the server's connections need, and the sensors share their buses anyway.
/// A background thread never keeps the process alive.
/// </summary>
internal sealed class SamplingThread : IDisposable
{
    private readonly IReadOnlyList<SensorSampler> _samplers;
    private readonly DateTime[] _due;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public SamplingThread(IReadOnlyList<SensorSampler> samplers)
    {
        _samplers = samplers;
        _due = new DateTime[samplers.Count];
        _thread = new Thread(Run) { IsBackground = true, Name = "device sampling" };
    }

    public void Start()
    {
        if (_samplers.Count > 0)
        {
            _thread.Start();
        }
    }

    /// <summary>Stops after the sample in progress, if any, and waits for the thread.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        if (_thread.IsAlive)
        {
            _thread.Join();
        }

        _stop.Dispose();
    }

    private void Run()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            var next = 0;
            for (var i = 1; i < _due.Length; i++)
            {
                if (_due[i] < _due[next])
                {
                    next = i;
                }
            }

            var now = DateTime.UtcNow;
            if (_due[next] > now)
            {
                stop.WaitHandle.WaitOne(_due[next] - now);
                continue;
            }

            _due[next] = now + _samplers[next].Sample(now);
        }
    }
}
