using Iot.Device.OneWire;

namespace Nats.Edge.Devices.Sensors;

/// <summary>A DS18B20 through the kernel's w1-therm driver (<c>/sys/bus/w1/devices/28-…</c>), via Iot.Device.Bindings.</summary>
internal sealed class Ds18b20Sensor(OneWireThermometerDevice device) : ISensor
{
    public void Read(Span<double> values) => values[0] = device.ReadTemperature().DegreesCelsius;

    // Nothing to release: every reading opens and closes the device's sysfs file.
    public void Dispose()
    {
    }

    /// <summary>The thermometer named <paramref name="deviceId"/>, or the first one the kernel lists.</summary>
    public static Ds18b20Sensor Open(string? deviceId)
    {
        foreach (var device in OneWireThermometerDevice.EnumerateDevices())
        {
            if (deviceId is null || device.DeviceId == deviceId)
            {
                return new Ds18b20Sensor(device);
            }
        }

        throw new IOException(deviceId is null ? "no 1-Wire thermometer found" : $"no 1-Wire thermometer {deviceId}");
    }
}
