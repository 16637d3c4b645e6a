using Nats.Edge.Devices.Actuators;

namespace Nats.Edge.Devices.Configuration;

/// <summary>One configured actuator. Pins are BCM (GPIO) numbers.</summary>
public sealed record ActuatorOptions
{
    /// <summary>What it is: one of <see cref="ActuatorKinds.All"/>.</summary>
    public required ActuatorKind Type { get; init; }

    /// <summary>Its name: the subject token after the board's.</summary>
    public required string Name { get; init; }

    /// <summary>The subject its <c>set</c> and <c>state</c> go under; null for <c>devices.&lt;board&gt;.&lt;name&gt;</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The GPIO pin of an output.</summary>
    public int Pin { get; init; } = -1;

    /// <summary>An output that is on when the pin is low (many relay boards).</summary>
    public bool ActiveLow { get; init; }

    /// <summary>The PWM chip (<c>/sys/class/pwm/pwmchip0</c> is 0).</summary>
    public int Chip { get; init; }

    /// <summary>The PWM channel on the chip.</summary>
    public int Channel { get; init; }

    /// <summary>The PWM frequency in hertz.</summary>
    public int Frequency { get; init; } = 1000;

    /// <summary>The state at start, before any request: 0 (off) or 1 for an output, a duty in percent for PWM.</summary>
    public double Default { get; init; }
}
