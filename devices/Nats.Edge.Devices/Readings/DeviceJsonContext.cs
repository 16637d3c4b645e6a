using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// Source-generated writers for the board's inventory and status: no reflection, trim-safe. Writers
/// only, without the property metadata reading needs: these payloads are never read here, and with no
/// context in the binary generating metadata, the serializer's metadata-driven converters are not
/// linked at all (a JsonConverter on a property would need that metadata, so <c>ts</c> is text
/// already). A reading, written once per sample, writes itself (<see cref="Reading.WriteTo"/>).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(BoardMeta))]
[JsonSerializable(typeof(BoardStatus))]
internal sealed partial class DeviceJsonContext : JsonSerializerContext;
