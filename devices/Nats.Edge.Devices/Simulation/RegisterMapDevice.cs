namespace Nats.Edge.Devices.Simulation;

/// <summary>
/// A chip with byte-wide registers behind an address pointer, as most I2C sensors have: a write sets
/// the pointer and stores the bytes after it; a read returns bytes from the pointer on, incrementing.
/// </summary>
internal class RegisterMapDevice(int bus, int address) : SimulatedI2cDevice(bus, address)
{
    private readonly byte[] _registers = new byte[256];
    private readonly Lock _sync = new();
    private int _pointer;

    public byte this[int register]
    {
        get
        {
            lock (_sync)
            {
                return _registers[register];
            }
        }

        set
        {
            lock (_sync)
            {
                _registers[register] = value;
            }
        }
    }

    protected override void OnRead(Span<byte> buffer)
    {
        lock (_sync)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _registers[_pointer];
                _pointer = (_pointer + 1) & 0xFF;
            }
        }
    }

    protected override void OnWrite(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_sync)
        {
            _pointer = buffer[0];
            foreach (var value in buffer[1..])
            {
                _registers[_pointer] = value;
                _pointer = (_pointer + 1) & 0xFF;
            }
        }
    }
}
