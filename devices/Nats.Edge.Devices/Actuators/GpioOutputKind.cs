using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Actuators;

/// <summary>A GPIO output driving a relay or an LED: on or off.</summary>
internal sealed class GpioOutputKind() : ActuatorKind("output", "relay", "led")
{
    public override ActuatorOptions? Read(string key, IDeviceSetting value, ActuatorOptions actuator) => key switch
    {
        "pin" => actuator with { Pin = value.Pin() },
        "active_low" => actuator with { ActiveLow = value.Bool() },
        "default" => actuator with { Default = OnOff(value) },
        _ => null,
    };

    public override string? MissingKey(ActuatorOptions actuator) => actuator.Pin < 0 ? "pin" : null;

    internal override bool CanToggle => true;

    internal override IReadOnlyList<BoardResource> Uses(ActuatorOptions actuator) => [new GpioPinResource(actuator.Pin)];

    internal override IActuator Open(ActuatorOptions actuator, Board board) =>
        new GpioOutput(board.Gpio, actuator.Pin, actuator.ActiveLow, actuator.Default);

    private static double OnOff(IDeviceSetting value) => value.Text().ToLowerInvariant() switch
    {
        "on" or "true" or "1" => 1,
        "off" or "false" or "0" => 0,
        _ => throw value.Invalid("is not on or off"),
    };
}
