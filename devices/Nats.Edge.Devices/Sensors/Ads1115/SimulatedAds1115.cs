using System.Buffers.Binary;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// An ADS1115 (TI datasheet §9.6): four 16-bit registers behind a pointer. Writing the config starts
/// a conversion of the selected input, which this chip finishes at once: OS reads back as 1 and the
/// conversion register holds the input's voltage in steps of full scale / 32768.
/// </summary>
internal sealed class SimulatedAds1115(int bus, int address) : SimulatedI2cDevice(bus, address)
{
    // Full scale per PGA setting (config bits 11:9).
    private static readonly double[] s_fullScale = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256];

    private readonly ushort[] _registers = [0, 0x8583, 0x8000, 0x7FFF];
    private readonly double[] _volts = [1.65, 3.3, 0.5, 0];
    private readonly Lock _sync = new();
    private int _pointer;

    /// <summary>The voltage on input AIN<paramref name="channel"/>.</summary>
    public void SetVoltage(int channel, double volts)
    {
        lock (_sync)
        {
            _volts[channel] = volts;
        }
    }

    protected override void OnRead(Span<byte> buffer)
    {
        lock (_sync)
        {
            Span<byte> word = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(word, _registers[_pointer]);
            word[..Math.Min(2, buffer.Length)].CopyTo(buffer);
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
            _pointer = buffer[0] & 0x03;
            if (buffer.Length < 3)
            {
                return;
            }

            var value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            if (_pointer != 1)
            {
                _registers[_pointer] = value;
                return;
            }

            _registers[1] = (ushort)(value | 0x8000);
            _registers[0] = (ushort)Convert(value);
        }
    }

    private short Convert(ushort config)
    {
        // MUX 100..111 is AINx against GND; the differential pairs read as 0 V here.
        var mux = (config >> 12) & 0x07;
        var volts = mux >= 4 ? _volts[mux - 4] : 0;
        var fullScale = s_fullScale[(config >> 9) & 0x07];
        return (short)Math.Clamp(Math.Round(volts / fullScale * 32768), short.MinValue, short.MaxValue);
    }
}
