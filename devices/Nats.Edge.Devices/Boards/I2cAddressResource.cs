namespace Nats.Edge.Devices.Boards;

/// <summary>An address on an I2C bus: the same address on another bus is another chip.</summary>
public sealed record I2cAddressResource(int Bus, int Address) : BoardResource
{
    /// <inheritdoc/>
    public override string Key => "address";

    /// <summary><c>address 0x76 on I2C bus 1</c>, as a sensor that does not answer is reported.</summary>
    public override string ToString() => $"address 0x{Address:x2} on I2C bus {Bus}";
}
