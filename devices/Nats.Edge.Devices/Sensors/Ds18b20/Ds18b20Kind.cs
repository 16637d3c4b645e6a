using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>The DS18B20 thermometer on the kernel's 1-Wire bus, whose pin the board's device tree overlay sets.</summary>
internal sealed class Ds18b20Kind() : SampledSensorKind("ds18b20")
{
    private static readonly Quantity[] s_quantities = [Quantity.Temperature];

    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) =>
        key == "device_id" ? sensor with { DeviceId = value.Text() } : base.Read(key, value, sensor);

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => s_quantities;

    // The 1-Wire pin is set in the device tree, not in this config, and every thermometer shares it.
    internal override IReadOnlyList<BoardResource> Uses(SensorOptions sensor) => [];

    internal override ISensor Open(SensorOptions sensor, Board board) => Ds18b20Sensor.Open(sensor.DeviceId);

    // The binding reads fixed sysfs paths: readings stand in.
    internal override void Simulate(SensorOptions sensor, SimulatedBoard board) => board.AddStandIn(sensor.Name, new SimulatedSensor(19.75));
}
