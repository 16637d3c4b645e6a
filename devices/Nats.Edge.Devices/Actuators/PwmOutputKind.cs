using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Actuators;

/// <summary>A hardware PWM channel driving a fan or a dimmer: a duty cycle in percent.</summary>
internal sealed class PwmOutputKind() : ActuatorKind("pwm")
{
    public override ActuatorOptions? Read(string key, IDeviceSetting value, ActuatorOptions actuator) => key switch
    {
        "chip" => actuator with { Chip = value.NonNegative() },
        "channel" => actuator with { Channel = value.NonNegative() },
        "frequency" => actuator with { Frequency = Math.Max(1, value.NonNegative()) },
        "default" => actuator with { Default = value.Number(0, 100) },
        _ => null,
    };

    internal override bool CanToggle => false;

    internal override IReadOnlyList<BoardResource> Uses(ActuatorOptions actuator) => [new PwmChannelResource(actuator.Chip, actuator.Channel)];

    internal override IActuator Open(ActuatorOptions actuator, Board board) =>
        new PwmOutput(board.OpenPwm(actuator.Chip, actuator.Channel, actuator.Frequency, actuator.Default / 100), actuator.Default);
}
