namespace Nats.Edge.Devices.Configuration;

/// <summary>The outputs the bridge can drive.</summary>
public enum ActuatorType
{
    /// <summary>A GPIO output (relay, LED): on or off.</summary>
    GpioOutput,

    /// <summary>A hardware PWM channel: a duty cycle in percent.</summary>
    Pwm,
}
