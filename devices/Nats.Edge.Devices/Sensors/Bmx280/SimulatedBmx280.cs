using Nats.Edge.Devices.Simulation;

namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// A BME280 or BMP280 register map (Bosch datasheets, memory map §5.3/§5.4). It holds the BMP280
/// datasheet's worked example (§3.12, §8.2): its calibration words and raw readings compensate to
/// 25.08 °C and 100653.27 Pa. The BME280's humidity words are those of a typical part.
/// </summary>
internal sealed class SimulatedBmx280 : RegisterMapDevice
{
    public const byte Bme280ChipId = 0x60;
    public const byte Bmp280ChipId = 0x58;

    // dig_T1..T3, dig_P1..P9 from 0x88, little-endian words.
    public static readonly short[] Calibration = [27504, 26435, -1000, -29059, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000];

    // dig_H1..H6 (0xA1, 0xE1..0xE7).
    public const byte DigH1 = 75;
    public const short DigH2 = 362;
    public const byte DigH3 = 0;
    public const short DigH4 = 313;
    public const short DigH5 = 50;
    public const sbyte DigH6 = 30;

    public const int ExampleAdcTemperature = 519888;
    public const int ExampleAdcPressure = 415148;
    public const int ExampleAdcHumidity = 30000;

    private SimulatedBmx280(int bus, int address, byte chipId)
        : base(bus, address)
    {
        this[0xD0] = chipId;
        for (var i = 0; i < Calibration.Length; i++)
        {
            this[0x88 + (2 * i)] = (byte)Calibration[i];
            this[0x89 + (2 * i)] = (byte)(Calibration[i] >> 8);
        }

        if (chipId == Bme280ChipId)
        {
            this[0xA1] = DigH1;
            this[0xE1] = unchecked((byte)DigH2);
            this[0xE2] = (byte)(DigH2 >> 8);
            this[0xE3] = DigH3;
            // dig_H4 is 0xE4[7:0] then 0xE5[3:0]; dig_H5 is 0xE5[7:4] then 0xE6[7:0].
            this[0xE4] = (byte)(DigH4 >> 4);
            this[0xE5] = (byte)((DigH4 & 0x0F) | ((DigH5 & 0x0F) << 4));
            this[0xE6] = (byte)(DigH5 >> 4);
            this[0xE7] = (byte)DigH6;
        }

        SetRaw(ExampleAdcTemperature, ExampleAdcPressure, ExampleAdcHumidity);
    }

    public static SimulatedBmx280 Bme280(int bus, int address) => new(bus, address, Bme280ChipId);

    public static SimulatedBmx280 Bmp280(int bus, int address) => new(bus, address, Bmp280ChipId);

    /// <summary>Sets the raw 20-bit temperature and pressure and 16-bit humidity the next reads return.</summary>
    public void SetRaw(int temperature, int pressure, int humidity)
    {
        // 0xF7..0xFC: press_msb, press_lsb, press_xlsb[7:4], temp_msb, temp_lsb, temp_xlsb[7:4]; 0xFD..0xFE: hum.
        this[0xF7] = (byte)(pressure >> 12);
        this[0xF8] = (byte)(pressure >> 4);
        this[0xF9] = (byte)((pressure & 0x0F) << 4);
        this[0xFA] = (byte)(temperature >> 12);
        this[0xFB] = (byte)(temperature >> 4);
        this[0xFC] = (byte)((temperature & 0x0F) << 4);
        this[0xFD] = (byte)(humidity >> 8);
        this[0xFE] = (byte)humidity;
    }
}
