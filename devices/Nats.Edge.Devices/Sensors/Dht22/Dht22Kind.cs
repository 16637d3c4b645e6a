using Iot.Device.DHTxx;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>The DHT22 (AM2302): temperature and humidity as timed pulses on one GPIO pin.</summary>
internal sealed class Dht22Kind() : SampledSensorKind("dht22", "am2302")
{
    private static readonly Quantity[] s_quantities = [Quantity.Temperature, Quantity.Humidity];

    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) =>
        key == "pin" ? sensor with { Pin = value.Pin() } : base.Read(key, value, sensor);

    public override string? MissingKey(SensorOptions sensor) => sensor.Pin < 0 ? "pin" : null;

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => s_quantities;

    internal override IReadOnlyList<BoardResource> Uses(SensorOptions sensor) => [new GpioPinResource(sensor.Pin)];

    internal override ISensor Open(SensorOptions sensor, Board board) =>
        new Dht22Sensor(new Dht22(sensor.Pin, board.Gpio, shouldDispose: false), sensor.Pin);

    // The binding times the pulses on a real pin, which no fake driver can replay: readings stand in.
    internal override void Simulate(SensorOptions sensor, SimulatedBoard board) => board.AddStandIn(sensor.Name, new SimulatedSensor(22.4, 48.1));
}
