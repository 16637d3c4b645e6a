using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Reloading;

/// <summary>
/// Options as JSON, generated at build time: a reload compares old and new option by option without
/// reflection, and an option added later is compared (and refused) without anyone listing it.
/// Write-only, as the monitoring documents are: no property metadata is generated.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ServerOptions))]
[JsonSerializable(typeof(RemoteLeafOptions))]
[JsonSerializable(typeof(LeafnodeOptions))]
[JsonSerializable(typeof(ClusterOptions))]
internal sealed partial class OptionsJsonContext : JsonSerializerContext;
