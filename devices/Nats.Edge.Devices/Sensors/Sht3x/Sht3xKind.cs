using System.Device.I2c;
using Iot.Device.Sht3x;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>Sensirion's SHT3x (sold as SHT30, SHT31, SHT35): temperature and humidity, at 0x44, or 0x45 with ADDR high.</summary>
internal sealed class Sht3xKind() : I2cSensorKind("sht3x", 0x44, "sht30", "sht31", "sht35")
{
    private static readonly Quantity[] s_quantities = [Quantity.Temperature, Quantity.Humidity];

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => s_quantities;

    private protected override ISensor Bind(I2cDevice device, SensorOptions sensor) => new Sht3xSensor(new Sht3x(device));

    private protected override SimulatedI2cDevice Chip(int bus, int address) => new SimulatedSht3x(bus, address);
}
