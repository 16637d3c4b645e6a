using System.Device.I2c;

namespace Nats.Edge.Devices.Simulation;

/// <summary>
/// A chip on a simulated I2C bus: the bindings talk to it exactly as to <c>/dev/i2c-N</c>. While
/// <see cref="Faulted"/> it fails every transfer as a real bus does when the chip does not acknowledge.
/// Disposing it closes nothing: like a chip on a real bus, it answers whoever opens it next.
/// </summary>
internal abstract class SimulatedI2cDevice(int bus, int address) : I2cDevice
{
    private volatile bool _faulted;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(bus, address);

    /// <summary>Whether the chip stops answering (a loose wire, a brown-out).</summary>
    public bool Faulted
    {
        get => _faulted;
        set => _faulted = value;
    }

    public override void Read(Span<byte> buffer)
    {
        ThrowIfFaulted();
        OnRead(buffer);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfFaulted();
        OnWrite(buffer);
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        ThrowIfFaulted();
        OnWrite(writeBuffer);
        OnRead(readBuffer);
    }

    protected abstract void OnRead(Span<byte> buffer);

    protected abstract void OnWrite(ReadOnlySpan<byte> buffer);

    private void ThrowIfFaulted()
    {
        if (_faulted)
        {
            throw new IOException($"no answer at 0x{ConnectionSettings.DeviceAddress:x2}");
        }
    }
}
