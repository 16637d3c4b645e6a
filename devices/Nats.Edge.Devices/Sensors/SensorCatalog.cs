using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Sensors;

/// <summary>What each sensor type measures, and its name in config files and in the inventory.</summary>
internal static class SensorCatalog
{
    public static IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => sensor.Type switch
    {
        SensorType.Bme280 => [Quantity.Temperature, Quantity.Pressure, Quantity.Humidity],
        SensorType.Bmp280 => [Quantity.Temperature, Quantity.Pressure],
        SensorType.Sht3x or SensorType.Dht22 => [Quantity.Temperature, Quantity.Humidity],
        SensorType.Ds18b20 or SensorType.CpuTemperature => [Quantity.Temperature],
        SensorType.Ads1115 => [.. sensor.Channels.Select(Quantity.Voltage)],
        SensorType.DigitalInput => [Quantity.State],
        _ => throw new ArgumentOutOfRangeException(nameof(sensor), sensor.Type, null),
    };

    public static string Name(SensorType type) => type switch
    {
        SensorType.Bme280 => "bme280",
        SensorType.Bmp280 => "bmp280",
        SensorType.Sht3x => "sht3x",
        SensorType.Dht22 => "dht22",
        SensorType.Ds18b20 => "ds18b20",
        SensorType.Ads1115 => "ads1115",
        SensorType.CpuTemperature => "cpu_temperature",
        SensorType.DigitalInput => "input",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
