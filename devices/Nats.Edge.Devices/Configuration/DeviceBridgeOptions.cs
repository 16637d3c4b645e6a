namespace Nats.Edge.Devices.Configuration;

/// <summary>The <c>devices</c> section: which board, and what is wired to it.</summary>
public sealed record DeviceBridgeOptions
{
    /// <summary>The board's name, the subject token after <see cref="Prefix"/>.</summary>
    public required string Board { get; init; }

    /// <summary>Real hardware or the simulation.</summary>
    public BoardModel Model { get; init; } = BoardModel.RaspberryPi;

    /// <summary>The first subject token of everything the bridge publishes.</summary>
    public string Prefix { get; init; } = "devices";

    /// <summary>The account readings are published in; null for the global account.</summary>
    public string? Account { get; init; }

    /// <summary>How often <c>devices.&lt;board&gt;.status</c> is published.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between retries of a failing sensor.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The sensors, in publishing order.</summary>
    public IReadOnlyList<SensorOptions> Sensors { get; init; } = [];

    /// <summary>The actuators.</summary>
    public IReadOnlyList<ActuatorOptions> Actuators { get; init; } = [];
}
