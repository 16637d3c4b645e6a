using System.Globalization;
using Nats.Edge.Configuration.Schema;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Configuration.Sections;

/// <summary>
/// One key of a device's block, as the normaliser left it (a list of values), handed to the sensor or
/// actuator kind that takes it: every value it refuses is refused with the key's <c>file:line</c>.
/// Pins are read in the board's numbering.
/// </summary>
internal sealed class DeviceSetting(ConfigPath at, IReadOnlyList<string> values, bool headerNumbering) : IDeviceSetting
{
    // An empty value is an empty list once normalised: it reads back as the empty text it was.
    public string Text() => values.Count switch
    {
        0 => "",
        1 => values[0],
        _ => throw at.Needs("a value"),
    };

    public bool Bool() => bool.TryParse(Text(), out var value) ? value : throw Invalid("is not true or false");

    public int NonNegative()
    {
        if (!int.TryParse(Text(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid("is not a number");
        }

        return value >= 0 ? value : throw Invalid("is negative");
    }

    public double Number(double min, double max) =>
        double.TryParse(Text(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Invalid($"is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    public TimeSpan Duration()
    {
        if (!ConfigValue.TryParseDuration(Text(), out var duration))
        {
            throw Invalid("is not a duration (e.g. 2m, 500ms or seconds)");
        }

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

    public IReadOnlyList<string> Items() => values;

    /// <summary><c>file:line: key "a.b": "value" problem</c>, a list shown as its items.</summary>
    public ConfigException Invalid(string problem) => at.Invalid($"\"{string.Join(", ", values)}\" {problem}");

    Exception IDeviceSetting.Invalid(string problem) => Invalid(problem);
}
