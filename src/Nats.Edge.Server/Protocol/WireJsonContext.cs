using System.Text.Json.Serialization;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Source-generated serializers for every INFO and CONNECT on the wire, in each dialect. Absent
/// optional fields are left out, as nats-server's <c>omitempty</c> does; a field nats-server omits
/// when false says so with <see cref="JsonIgnoreCondition.WhenWritingDefault"/>. Reading skips
/// unknown fields and, like Go's decoder, refuses a known field of the wrong type.
/// </summary>
/// <remarks>
/// Records that are only written or only read get only that half generated, which keeps the
/// binary smaller; those that travel both ways get property metadata, which serves both.
/// The generator builds a record by setting every init-only property, absent ones to the type's
/// default: a field whose default is anything else needs a constructor default (<see cref="ConnectOptions"/>).
/// </remarks>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ClientInfo), GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ConnectOptions))]
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(LeafConnect))]
[JsonSerializable(typeof(RouteInfo))]
[JsonSerializable(typeof(RouteConnect))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
