using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>One actuator in the inventory: where to send requests, where its state appears.</summary>
internal sealed record ActuatorMeta(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("set")] string Set,
    [property: JsonPropertyName("state")] string State);
