namespace Nats.Edge.Devices.Boards;

/// <summary>
/// Something of a board that one device at a time can use: a GPIO pin, an address on an I2C bus, a
/// PWM channel. Equal resources are the same wire, so a second device on one is refused.
/// </summary>
public abstract record BoardResource
{
    /// <summary>The key of a device's block that names it (<c>pin</c>, <c>address</c>, <c>channel</c>), to point a config error at.</summary>
    public abstract string Key { get; }
}
