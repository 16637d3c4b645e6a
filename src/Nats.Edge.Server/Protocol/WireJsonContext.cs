using System.Text.Json.Serialization;
using Nats.Edge.Server.Leafnodes;
using Nats.Edge.Server.Routes;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// Source-generated writers for every INFO and CONNECT on the wire, in each dialect. Absent
/// optional fields are left out, as nats-server's <c>omitempty</c> does; a field nats-server omits
/// when false says so with <see cref="JsonIgnoreCondition.WhenWritingDefault"/>.
/// </summary>
/// <remarks>
/// Only the writers are generated, not the property metadata the serializer reads with: each record
/// reads itself (<see cref="WireJsonFields"/> says why). Metadata, which a property with a
/// <see cref="JsonConverter"/> would need too, would also link the serializer's metadata-driven
/// object and collection converters, where the generated writers write each field directly.
/// </remarks>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ClientInfo))]
[JsonSerializable(typeof(ConnectOptions))]
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(LeafConnect))]
[JsonSerializable(typeof(RouteInfo))]
[JsonSerializable(typeof(RouteConnect))]
[JsonSerializable(typeof(Gateways.GatewayInfo))]
[JsonSerializable(typeof(Gateways.GatewayConnect))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
