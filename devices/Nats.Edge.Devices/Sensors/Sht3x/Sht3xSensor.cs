using Iot.Device.Sht3x;

namespace Nats.Edge.Devices.Sensors;

/// <summary>An SHT3x through Iot.Device.Bindings: each property read is a single-shot measurement.</summary>
internal sealed class Sht3xSensor(Sht3x device) : ISensor
{
    public void Read(Span<double> values)
    {
        values[0] = device.Temperature.DegreesCelsius;
        values[1] = device.Humidity.Percent;
    }

    public void Dispose() => device.Dispose();
}
