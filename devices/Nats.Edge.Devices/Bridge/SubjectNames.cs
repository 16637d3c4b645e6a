using System.Text;
using Nats.Edge.Devices.Configuration;
using Nats.Edge.Devices.Readings;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// The bridge's subjects, board first so a hub can scope permissions per board:
/// <c>devices.&lt;board&gt;.&lt;device&gt;.&lt;quantity&gt;</c>, <c>….set</c>, <c>….state</c>,
/// <c>devices.&lt;board&gt;.meta</c> and <c>.status</c>.
/// </summary>
internal sealed class SubjectNames
{
    public SubjectNames(DeviceBridgeOptions options)
    {
        Board = $"{options.Prefix}.{options.Board}";
        Meta = Board + ".meta";
        Status = Board + ".status";
    }

    public string Board { get; }

    public string Meta { get; }

    public string Status { get; }

    public string Of(SensorOptions sensor) => sensor.Subject ?? $"{Board}.{sensor.Name}";

    public string Of(ActuatorOptions actuator) => actuator.Subject ?? $"{Board}.{actuator.Name}";

    public static string Of(string sensorSubject, Quantity quantity) => $"{sensorSubject}.{quantity.Name}";

    public static byte[] Bytes(string subject) => Encoding.UTF8.GetBytes(subject);
}
