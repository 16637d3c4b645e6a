namespace Nats.Edge.Devices.Readings;

/// <summary>
/// One measured quantity of a sensor: the last subject token, its unit, and the decimals kept, which
/// keep payloads short and stop float noise from defeating publish-on-change.
/// </summary>
internal sealed record Quantity(string Name, string? Unit, int Decimals)
{
    public static Quantity Temperature { get; } = new("temperature", "°C", 2);

    public static Quantity Pressure { get; } = new("pressure", "hPa", 2);

    public static Quantity Humidity { get; } = new("humidity", "%RH", 2);

    public static Quantity State { get; } = new("state", null, 0);

    public static Quantity Duty { get; } = new("duty", "%", 2);

    public static Quantity Voltage(int channel) => new($"ain{channel}", "V", 4);
}
