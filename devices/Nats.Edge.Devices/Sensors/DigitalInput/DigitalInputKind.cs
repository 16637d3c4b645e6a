using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// A digital input (button, reed switch, PIR module): its debounced level, published on each edge
/// rather than read on an interval, so it takes none of a sampled sensor's keys.
/// </summary>
internal sealed class DigitalInputKind() : SensorKind("input", "button", "reed", "pir")
{
    private static readonly Quantity[] s_quantities = [Quantity.State];

    // A button or a reed switch closes to ground against the pull-up; a PIR module drives its pin.
    public override SensorOptions Defaults(string typeName) => typeName is "button" or "reed"
        ? base.Defaults(typeName) with { Pull = PinPull.Up, ActiveLow = true }
        : base.Defaults(typeName);

    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) => key switch
    {
        "pin" => sensor with { Pin = value.Pin() },
        "debounce" => sensor with { Debounce = value.Duration() },
        "pull" => sensor with { Pull = Pull(value) },
        "active_low" => sensor with { ActiveLow = value.Bool() },
        _ => base.Read(key, value, sensor),
    };

    public override string? MissingKey(SensorOptions sensor) => sensor.Pin < 0 ? "pin" : null;

    internal override IReadOnlyList<Quantity> Quantities(SensorOptions sensor) => s_quantities;

    internal override IReadOnlyList<BoardResource> Uses(SensorOptions sensor) => [new GpioPinResource(sensor.Pin)];

    // Its pin is one of the simulated GPIO driver's, which a test drives like a button.
    internal override void Simulate(SensorOptions sensor, SimulatedBoard board)
    {
    }

    private static PinPull Pull(IDeviceSetting value) => value.Text().ToLowerInvariant() switch
    {
        "up" => PinPull.Up,
        "down" => PinPull.Down,
        "none" or "off" => PinPull.None,
        _ => throw value.Invalid("is not up, down or none"),
    };
}
