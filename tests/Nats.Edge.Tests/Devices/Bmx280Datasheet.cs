using Nats.Edge.Devices.Sensors;

namespace Nats.Edge.Tests.Devices;

/// <summary>
/// The Bosch datasheets' floating-point compensation (BMP280 §8.1, BME280 §4.2.3), written out here
/// independently of the binding, so a test can say what the simulated registers must decode to.
/// </summary>
public static class Bmx280Datasheet
{
    private static short[] C => SimulatedBmx280.Calibration;

    // dig_P1 is unsigned: 36477 is stored as the word 0x8E7D.
    public const int DigP1 = 36477;

    public static (double Celsius, int Fine) Temperature(int adcT)
    {
        double digT1 = (ushort)C[0], digT2 = C[1], digT3 = C[2];
        var var1 = ((adcT / 16384.0) - (digT1 / 1024.0)) * digT2;
        var var2 = ((adcT / 131072.0) - (digT1 / 8192.0)) * ((adcT / 131072.0) - (digT1 / 8192.0)) * digT3;
        return ((var1 + var2) / 5120.0, (int)(var1 + var2));
    }

    public static double Humidity(int adcH, int fine)
    {
        var h = fine - 76800.0;
        h = (adcH - ((SimulatedBmx280.DigH4 * 64.0) + (SimulatedBmx280.DigH5 / 16384.0 * h)))
            * (SimulatedBmx280.DigH2 / 65536.0 * (1.0 + (SimulatedBmx280.DigH6 / 67108864.0 * h * (1.0 + (SimulatedBmx280.DigH3 / 67108864.0 * h)))));
        h *= 1.0 - (SimulatedBmx280.DigH1 * h / 524288.0);
        return Math.Clamp(h, 0, 100);
    }
}
