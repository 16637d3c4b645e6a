using Iot.Device.DHTxx;

namespace Nats.Edge.Devices.Sensors;

/// <summary>A DHT22 through Iot.Device.Bindings, which times the sensor's pulses on its GPIO pin.</summary>
internal sealed class Dht22Sensor(Dht22 device, int pin) : ISensor
{
    public void Read(Span<double> values)
    {
        // The binding reports a missed or garbled pulse train as false, not as an exception.
        if (!device.TryReadTemperature(out var temperature) || !device.TryReadHumidity(out var humidity))
        {
            throw new IOException($"no answer from the DHT22 on GPIO {pin}");
        }

        values[0] = temperature.DegreesCelsius;
        values[1] = humidity.Percent;
    }

    public void Dispose() => device.Dispose();
}
