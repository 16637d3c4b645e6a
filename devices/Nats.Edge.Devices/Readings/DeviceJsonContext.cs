using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>Source-generated writers for every payload the bridge publishes: no reflection, trim-safe.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(BoardMeta))]
[JsonSerializable(typeof(BoardStatus))]
internal sealed partial class DeviceJsonContext : JsonSerializerContext;
