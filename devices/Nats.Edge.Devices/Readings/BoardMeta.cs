using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>The inventory published once on <c>devices.&lt;board&gt;.meta</c> at start.</summary>
internal sealed record BoardMeta(
    [property: JsonPropertyName("board")] string Board,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("ts")] string Timestamp,
    [property: JsonPropertyName("sensors")] IReadOnlyList<SensorMeta> Sensors,
    [property: JsonPropertyName("actuators")] IReadOnlyList<ActuatorMeta> Actuators);
