using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>One sensor in the inventory: what it is, where it publishes, how often.</summary>
internal sealed record SensorMeta(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subjects")] IReadOnlyList<string> Subjects,
    [property: JsonPropertyName("interval")] string? Interval);
