using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// A sensor that is read on its interval: opened through its binding, closed when a reading fails,
/// and opened again on the next try. Every kind but the digital input is one.
/// </summary>
public abstract class SampledSensorKind : SensorKind
{
    private protected SampledSensorKind(string name, params string[] aliases)
        : base(name, aliases)
    {
    }

    /// <inheritdoc/>
    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) => key switch
    {
        "interval" => sensor with { Interval = value.Duration() },
        "on_change" => sensor with { OnChange = value.Bool() },
        "dead_band" => sensor with { DeadBand = value.Number(0, double.MaxValue) },
        _ => base.Read(key, value, sensor),
    };

    /// <summary>Opens <paramref name="sensor"/> through its binding on <paramref name="board"/>; throws when it does not answer.</summary>
    internal abstract ISensor Open(SensorOptions sensor, Board board);
}
