namespace Nats.Edge.Devices.Boards;

/// <summary>A hardware PWM channel of a PWM chip (<c>/sys/class/pwm/pwmchip0/pwm1</c> is chip 0, channel 1).</summary>
public sealed record PwmChannelResource(int Chip, int Channel) : BoardResource
{
    /// <inheritdoc/>
    public override string Key => "channel";

    /// <summary><c>PWM channel 1 of chip 0</c>.</summary>
    public override string ToString() => $"PWM channel {Channel} of chip {Chip}";
}
