namespace Nats.Edge.Devices.Sensors;

/// <summary>
/// Every sensor kind the bridge can read, the one place they are listed. A new sensor is a folder
/// under <c>Sensors/</c> holding its kind, its binding and its simulated chip, and a line here.
/// </summary>
public static class SensorKinds
{
    /// <summary>Every kind, in the order a config error lists their type names.</summary>
    public static IReadOnlyList<SensorKind> All { get; } =
    [
        new Bmx280Kind("bme280", humidity: true),
        new Bmx280Kind("bmp280", humidity: false),
        new Sht3xKind(),
        new Ads1115Kind(),
        new Dht22Kind(),
        new Ds18b20Kind(),
        new CpuTemperatureKind(),
        new DigitalInputKind(),
    ];

    /// <summary>The kind a config file means by <c>type</c> <paramref name="typeName"/> (lower case), or null.</summary>
    public static SensorKind? Find(string typeName)
    {
        foreach (var kind in All)
        {
            foreach (var name in kind.TypeNames)
            {
                if (name == typeName)
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>The kind a config file names <paramref name="typeName"/>, for options built in code.</summary>
    /// <exception cref="ArgumentException">No kind goes by that name.</exception>
    public static SensorKind Named(string typeName) =>
        Find(typeName) ?? throw new ArgumentException($"no sensor kind is named \"{typeName}\"", nameof(typeName));
}
