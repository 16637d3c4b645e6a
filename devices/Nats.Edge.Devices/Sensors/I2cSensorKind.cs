using System.Device.I2c;
using System.Globalization;
using Nats.Edge.Devices.Boards;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// A sensor on an I2C bus. Its Iot.Device.Bindings driver is the same code on every board: a board
/// only decides what answers at the address, and the simulated board answers with the kind's chip.
/// </summary>
public abstract class I2cSensorKind : SampledSensorKind
{
    private readonly int _defaultAddress;

    private protected I2cSensorKind(string name, int defaultAddress, params string[] aliases)
        : base(name, aliases)
    {
        _defaultAddress = defaultAddress;
    }

    /// <inheritdoc/>
    public override SensorOptions Defaults(string typeName) => base.Defaults(typeName) with { Address = _defaultAddress };

    /// <inheritdoc/>
    public override SensorOptions? Read(string key, IDeviceSetting value, SensorOptions sensor) => key switch
    {
        "bus" => sensor with { Bus = value.NonNegative() },
        "address" => sensor with { Address = Address(value) },
        _ => base.Read(key, value, sensor),
    };

    internal sealed override IReadOnlyList<BoardResource> Uses(SensorOptions sensor) => [new I2cAddressResource(sensor.Bus, sensor.Address)];

    internal sealed override ISensor Open(SensorOptions sensor, Board board)
    {
        var device = board.OpenI2c(sensor.Bus, sensor.Address);
        // A binding whose constructor finds no chip throws; the bus handle it was given must not leak.
        try
        {
            return Bind(device, sensor);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    internal sealed override void Simulate(SensorOptions sensor, SimulatedBoard board) => board.AddChip(Chip(sensor.Bus, sensor.Address));

    /// <summary>The binding over the chip's bus device, ready to read.</summary>
    private protected abstract ISensor Bind(I2cDevice device, SensorOptions sensor);

    /// <summary>The simulated chip that answers at <paramref name="address"/> on <paramref name="bus"/>.</summary>
    private protected abstract SimulatedI2cDevice Chip(int bus, int address);

    // 0x76 in hex, as datasheets and i2cdetect print it, or a plain number.
    private static int Address(IDeviceSetting value)
    {
        var text = value.Text();
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0x03 and <= 0x77 ? address : throw value.Invalid("is not a 7-bit I2C address (0x03 to 0x77)");
    }
}
