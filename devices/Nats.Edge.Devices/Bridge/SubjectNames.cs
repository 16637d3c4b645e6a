using System.Text;
using Nats.Edge.Devices.Configuration;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// The bridge's subjects, board first so a hub can scope permissions per board:
/// <c>devices.&lt;board&gt;.&lt;device&gt;.&lt;quantity&gt;</c>, <c>….set</c>, <c>….state</c>,
/// <c>devices.&lt;board&gt;.meta</c> and <c>.status</c>.
/// </summary>
internal sealed class SubjectNames(DeviceBridgeOptions options)
{
    public string Board { get; } = $"{options.Prefix}.{options.Board}";

    public string Meta => Board + ".meta";

    public string Status => Board + ".status";

    public string Of(SensorOptions sensor) => sensor.Subject ?? $"{Board}.{sensor.Name}";

    public string Of(ActuatorOptions actuator) => actuator.Subject ?? $"{Board}.{actuator.Name}";

    public static byte[] Bytes(string subject) => Encoding.UTF8.GetBytes(subject);
}
