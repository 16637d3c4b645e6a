using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>
/// Source-generated serializers for the monitoring documents: no reflection, trimmed with the rest.
/// Names are nats-server's snake_case; indentation and escaping are the writer's (<see cref="MonitorServer"/>).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(Varz))]
[JsonSerializable(typeof(Connz))]
[JsonSerializable(typeof(Routez))]
[JsonSerializable(typeof(Gatewayz))]
[JsonSerializable(typeof(Leafz))]
[JsonSerializable(typeof(Subsz))]
[JsonSerializable(typeof(SublistStats))]
[JsonSerializable(typeof(Accountz))]
internal sealed partial class MonitorJsonContext : JsonSerializerContext;
