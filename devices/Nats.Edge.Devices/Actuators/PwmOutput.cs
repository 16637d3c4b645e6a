using System.Device.Pwm;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Actuators;

/// <summary>A hardware PWM channel (a fan, a dimmer): state is the duty cycle in percent.</summary>
internal sealed class PwmOutput : IActuator
{
    private readonly PwmChannel _channel;

    public PwmOutput(PwmChannel channel, double initial)
    {
        _channel = channel;
        State = initial;
        _channel.Start();
    }

    public Quantity Quantity => Quantity.Duty;

    public double State { get; private set; }

    public string? Check(double value) => value is >= 0 and <= 100 ? null : "a duty cycle is 0 to 100 (percent)";

    public void Apply(double value)
    {
        _channel.DutyCycle = value / 100;
        State = value;
    }

    public void Dispose()
    {
        _channel.Stop();
        _channel.Dispose();
    }
}
