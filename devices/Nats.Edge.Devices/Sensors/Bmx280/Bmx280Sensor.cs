using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.PowerMode;

namespace Nats.Edge.Devices.Sensors;

/// <summary>A BME280 or BMP280 through Iot.Device.Bindings, measuring continuously (normal mode).</summary>
internal sealed class Bmx280Sensor : ISensor
{
    private readonly Bmx280Base _device;

    public Bmx280Sensor(Bmx280Base device)
    {
        _device = device;
        _device.SetPowerMode(Bmx280PowerMode.Normal);
    }

    public void Read(Span<double> values)
    {
        // The binding answers false only for a quantity whose sampling is off, which ours never is.
        _device.TryReadTemperature(out var temperature);
        _device.TryReadPressure(out var pressure);
        values[0] = temperature.DegreesCelsius;
        values[1] = pressure.Hectopascals;
        if (_device is Bme280 bme280)
        {
            bme280.TryReadHumidity(out var humidity);
            values[2] = humidity.Percent;
        }
    }

    public void Dispose() => _device.Dispose();
}
