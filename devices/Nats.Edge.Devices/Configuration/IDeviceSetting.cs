namespace Nats.Edge.Devices.Configuration;

/// <summary>
/// One key of a device's block in the config file, as the device's kind reads it. Whoever reads the
/// file stands behind it and knows where the key is, so every value refused is refused with the line
/// to fix; a kind only says what it takes.
/// </summary>
public interface IDeviceSetting
{
    /// <summary>The value as written.</summary>
    string Text();

    /// <summary>The value as <c>true</c> or <c>false</c>.</summary>
    bool Bool();

    /// <summary>The value as a whole number of at least 0.</summary>
    int NonNegative();

    /// <summary>The value as a number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    double Number(double min, double max);

    /// <summary>The value as a duration longer than zero (<c>2m</c>, <c>500ms</c>, or seconds).</summary>
    TimeSpan Duration();

    /// <summary>The value as a GPIO pin in the board's numbering, turned into the BCM number the drivers take.</summary>
    int Pin();

    /// <summary>The items of a list; a single value is a list of one.</summary>
    IReadOnlyList<string> Items();

    /// <summary>The error that refuses the value: <paramref name="problem"/> follows the value as written (<c>is not …</c>).</summary>
    Exception Invalid(string problem);
}
