using Iot.Device.Ads1115;

namespace Nats.Edge.Devices.Sensors;

/// <summary>The ADS1115's full-scale ranges in volts, one per setting of its gain amplifier.</summary>
internal static class Ads1115FullScale
{
    /// <summary>Whether the ADS1115 has a full-scale range of <paramref name="volts"/>.</summary>
    public static bool IsRange(double volts) => Find(volts) is not null;

    /// <summary>The ADS1115 gain setting whose full scale is <paramref name="volts"/>.</summary>
    public static MeasuringRange Range(double volts) =>
        Find(volts) ?? throw new ArgumentOutOfRangeException(nameof(volts), volts, "not an ADS1115 full-scale range");

    // The one list of the chip's ranges: the kind checks a config's value against it and opens the chip with it.
    private static MeasuringRange? Find(double volts) => volts switch
    {
        6.144 => MeasuringRange.FS6144,
        4.096 => MeasuringRange.FS4096,
        2.048 => MeasuringRange.FS2048,
        1.024 => MeasuringRange.FS1024,
        0.512 => MeasuringRange.FS0512,
        0.256 => MeasuringRange.FS0256,
        _ => null,
    };
}
