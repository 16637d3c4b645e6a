namespace Nats.Edge.Devices.Boards;

/// <summary>A GPIO pin, by its BCM number.</summary>
public sealed record GpioPinResource(int Pin) : BoardResource
{
    /// <inheritdoc/>
    public override string Key => "pin";

    /// <summary><c>GPIO 17</c>: the BCM number, which is what the config holds once header numbering is turned into it.</summary>
    public override string ToString() => $"GPIO {Pin}";
}
