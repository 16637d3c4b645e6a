using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Simulation;

/// <summary>
/// A sensor simulated at the reading level, for the bindings that cannot run over a fake: the DHT22
/// times pulses on a real pin, the DS18B20 and CPU temperature read fixed sysfs paths.
/// </summary>
internal sealed class SimulatedSensor(string failure, params double[] values) : ISensor
{
    private readonly double[] _values = values;
    private readonly Lock _sync = new();
    private volatile bool _faulted;

    /// <summary>Whether reads fail with <c>failure</c>'s message.</summary>
    public bool Faulted
    {
        get => _faulted;
        set => _faulted = value;
    }

    public void Set(params double[] values)
    {
        lock (_sync)
        {
            values.CopyTo(_values, 0);
        }
    }

    public void Read(Span<double> values)
    {
        if (_faulted)
        {
            throw new IOException(failure);
        }

        lock (_sync)
        {
            _values.AsSpan(0, values.Length).CopyTo(values);
        }
    }

    // The simulated sensor is the board's: reopening after a fault finds it as it was.
    public void Dispose()
    {
    }
}
