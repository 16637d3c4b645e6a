using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Configuration;

/// <summary>
/// One key of the <c>devices</c> block, handed to the sensor or actuator kind that takes it: every
/// value it refuses is refused with the key's <c>file:line</c>. Pins are read in the board's numbering.
/// </summary>
internal sealed class DeviceSetting(IConfigurationSection section, SectionReader read, KeyLocations where, bool headerNumbering) : IDeviceSetting
{
    public string Text() => read.Scalar(section);

    public bool Bool() => read.Bool(section);

    public int NonNegative()
    {
        var value = read.Int(section);
        return value >= 0 ? value : throw Invalid("is negative");
    }

    public double Number(double min, double max) =>
        double.TryParse(read.Scalar(section), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid($"is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    public TimeSpan Duration()
    {
        var duration = read.Duration(section);
        return duration > TimeSpan.Zero ? duration : throw Invalid("must be longer than zero");
    }

    public int Pin()
    {
        var pin = NonNegative();
        if (!headerNumbering)
        {
            return pin <= 27 ? pin : throw Invalid("is not a BCM GPIO number (0 to 27)");
        }

        return BoardHeader.ToBcm(pin) ?? throw Invalid("is not a GPIO pin of the 40-pin header");
    }

    public IReadOnlyList<string> Items() => read.Strings(section);

    public ConfigException Invalid(string problem) =>
        new($"{where.Of(section)}: key \"{SectionReader.Key(section)}\": \"{section.Value}\" {problem}");

    Exception IDeviceSetting.Invalid(string problem) => Invalid(problem);
}
