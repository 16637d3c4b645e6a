using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Devices.Configuration;

/// <summary>One configured sensor. Pins are BCM (GPIO) numbers.</summary>
public sealed record SensorOptions
{
    /// <summary>What it is: one of <see cref="SensorKinds.All"/>.</summary>
    public required SensorKind Type { get; init; }

    /// <summary>Its name: the subject token after the board's, and the name in logs.</summary>
    public required string Name { get; init; }

    /// <summary>The subject its quantities go under; null for <c>devices.&lt;board&gt;.&lt;name&gt;</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The I2C bus (<c>/dev/i2c-1</c> is bus 1).</summary>
    public int Bus { get; init; } = 1;

    /// <summary>The I2C address.</summary>
    public int Address { get; init; }

    /// <summary>The GPIO pin of a DHT22 or a digital input.</summary>
    public int Pin { get; init; } = -1;

    /// <summary>A DS18B20's 1-Wire id (<c>28-…</c>); null takes the first one found.</summary>
    public string? DeviceId { get; init; }

    /// <summary>The ADS1115 inputs read, 0 to 3, each against ground.</summary>
    public IReadOnlyList<int> Channels { get; init; } = [0];

    /// <summary>The ADS1115 full-scale range in volts (6.144, 4.096, 2.048, 1.024, 0.512 or 0.256).</summary>
    public double FullScale { get; init; } = 4.096;

    /// <summary>How often it is read; digital inputs are published on their edges instead.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Publish a quantity only when it moved by more than <see cref="DeadBand"/> since it was last published.</summary>
    public bool OnChange { get; init; }

    /// <summary>The smallest change that is published when <see cref="OnChange"/> is set, in the quantity's unit.</summary>
    public double DeadBand { get; init; }

    /// <summary>How long a digital input must hold a new level before it counts.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A digital input's bias.</summary>
    public PinPull Pull { get; init; } = PinPull.None;

    /// <summary>A digital input that reads low when active (a button to ground).</summary>
    public bool ActiveLow { get; init; }
}
