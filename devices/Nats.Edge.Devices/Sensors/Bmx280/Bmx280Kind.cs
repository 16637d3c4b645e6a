using System.Device.I2c;
using Iot.Device.Bmxx80;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// Bosch's BME280 (temperature, pressure, humidity) or BMP280 (the same without humidity): one
/// binding and one register map for both. At 0x76, or 0x77 when the board pulls SDO high.
/// </summary>
internal sealed class Bmx280Kind(string name, bool humidity) : I2cSensorKind(name, 0x76)
{
    private readonly Quantity[] _quantities = humidity
        ? [Quantity.Temperature, Quantity.Pressure, Quantity.Humidity]
        : [Quantity.Temperature, Quantity.Pressure];

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => _quantities;

    private protected override ISensor Bind(I2cDevice device, SensorOptions sensor) =>
        new Bmx280Sensor(humidity ? new Bme280(device) : new Bmp280(device));

    private protected override SimulatedI2cDevice Chip(int bus, int address) =>
        humidity ? SimulatedBmx280.Bme280(bus, address) : SimulatedBmx280.Bmp280(bus, address);
}
