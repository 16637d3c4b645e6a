using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>The board's own CPU temperature: nothing to wire.</summary>
internal sealed class CpuTemperatureKind() : SampledSensorKind("cpu_temperature", "cpu")
{
    private static readonly Quantity[] s_quantities = [Quantity.Temperature];

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => s_quantities;

    internal override IReadOnlyList<BoardResource> Uses(SensorOptions sensor) => [];

    internal override ISensor Open(SensorOptions sensor, Board board) => new CpuTemperatureSensor();

    // The sensor reads a fixed sysfs path: readings stand in.
    internal override void Simulate(SensorOptions sensor, SimulatedBoard board) => board.AddStandIn(sensor.Name, new SimulatedSensor(47.2));
}
