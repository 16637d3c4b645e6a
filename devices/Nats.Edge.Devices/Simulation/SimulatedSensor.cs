using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Simulation;

/// <summary>
/// A sensor simulated at the reading level, for the bindings that cannot run over a fake: the DHT22
/// times pulses on a real pin, the DS18B20 and CPU temperature read fixed sysfs paths.
/// </summary>
internal sealed class SimulatedSensor(params double[] values) : ISensor
{
    private readonly double[] _values = values;

    public void Read(Span<double> values) => _values.AsSpan(0, values.Length).CopyTo(values);

    // The simulated sensor is the board's: a reopen gets the same one back.
    public void Dispose()
    {
    }
}
