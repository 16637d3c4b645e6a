using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// Source-generated serializers for the monitoring documents: no reflection, trimmed with the rest.
/// Names are nats-server's snake_case; indentation and escaping are the writer's (<see cref="MonitorServer"/>).
/// The documents are only ever written, so only the writers are generated, not the property
/// metadata that reading needs (with <see cref="Reloading.OptionsJsonContext"/>, a measurable cut in
/// binary size; see packaging/README.md).
/// A property given a JsonConverter would need that metadata and fail at run time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(Varz))]
[JsonSerializable(typeof(Connz))]
[JsonSerializable(typeof(Routez))]
[JsonSerializable(typeof(Gatewayz))]
[JsonSerializable(typeof(Leafz))]
[JsonSerializable(typeof(Subsz))]
[JsonSerializable(typeof(SublistStats))]
[JsonSerializable(typeof(Accountz))]
[JsonSerializable(typeof(AccountDetail))]
[JsonSerializable(typeof(Outboxz))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;
