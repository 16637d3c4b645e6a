using System.Buffers.Binary;
using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// An SHT3x (Sensirion datasheet §4): 16-bit commands; a measurement command makes the next read
/// return temperature and humidity words, each followed by its CRC-8 (polynomial 0x31, init 0xFF).
/// </summary>
internal sealed class SimulatedSht3x(int bus, int address) : SimulatedI2cDevice(bus, address)
{
    private readonly byte[] _result = new byte[6];
    private volatile int _rawTemperature = 0x5C29;
    private volatile int _rawHumidity = 0x7333;

    /// <summary>The raw words: T = -45 + 175 · raw / 65535 °C, RH = 100 · raw / 65535 %.</summary>
    public void SetRaw(int temperature, int humidity)
    {
        _rawTemperature = temperature;
        _rawHumidity = humidity;
    }

    public static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0xFF;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x31 : crc << 1);
            }
        }

        return crc;
    }

    protected override void OnRead(Span<byte> buffer)
    {
        lock (_result)
        {
            _result.AsSpan(0, Math.Min(buffer.Length, _result.Length)).CopyTo(buffer);
        }
    }

    protected override void OnWrite(ReadOnlySpan<byte> buffer)
    {
        // Single-shot measurements are 0x2Cxx (clock stretching) and 0x24xx; reset, heater and the
        // rest change nothing a reading shows.
        if (buffer.Length < 2 || buffer[0] is not (0x2C or 0x24))
        {
            return;
        }

        lock (_result)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_result, (ushort)_rawTemperature);
            _result[2] = Crc8(_result.AsSpan(0, 2));
            BinaryPrimitives.WriteUInt16BigEndian(_result.AsSpan(3), (ushort)_rawHumidity);
            _result[5] = Crc8(_result.AsSpan(3, 2));
        }
    }
}
