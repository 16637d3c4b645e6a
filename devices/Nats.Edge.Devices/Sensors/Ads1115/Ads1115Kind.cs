using System.Device.I2c;
using System.Globalization;
using Iot.Device.Ads1115;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// TI's ADS1115 analog-to-digital converter: one voltage per configured input, each against ground,
/// at 0x48 with ADDR to ground.
/// </summary>
internal sealed class Ads1115Kind() : I2cSensorKind("ads1115", 0x48)
{
    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) => key switch
    {
        "channels" => sensor with { Channels = Channels(value) },
        "full_scale" => sensor with { FullScale = FullScale(value) },
        _ => base.Read(key, value, sensor),
    };

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => [.. sensor.Channels.Select(Quantity.Voltage)];

    private protected override ISensor Bind(I2cDevice device, SensorOptions sensor) => new Ads1115Sensor(
        new Ads1115(device, InputMultiplexer.AIN0, Ads1115FullScale.Range(sensor.FullScale), DataRate.SPS128, DeviceMode.PowerDown), sensor.Channels);

    private protected override SimulatedI2cDevice Chip(int bus, int address) => new SimulatedAds1115(bus, address);

    private static List<int> Channels(IDeviceSetting value)
    {
        var channels = new List<int>();
        foreach (var text in value.Items())
        {
            channels.Add(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var channel) && channel <= 3 && !channels.Contains(channel)
                ? channel
                : throw value.Invalid("lists channels 0 to 3, each once"));
        }

        return channels.Count > 0 ? channels : throw value.Invalid("lists no channel");
    }

    private static double FullScale(IDeviceSetting value)
    {
        var volts = value.Number(0, 10);
        return Ads1115FullScale.IsRange(volts) ? volts : throw value.Invalid("is not 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256");
    }
}
