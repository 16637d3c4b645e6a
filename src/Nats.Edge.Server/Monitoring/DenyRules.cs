using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>A leafnode remote's deny lists in <c>/varz</c>: <c>{"exports": […], "imports": […]}</c>.</summary>
internal sealed class DenyRules
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Exports { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Imports { get; init; }
}
