using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>The periodic <c>devices.&lt;board&gt;.status</c>: alive, for how long, and which sensors fail.</summary>
internal sealed record BoardStatus(
    [property: JsonPropertyName("ts")] string Timestamp,
    [property: JsonPropertyName("uptime_s")] long UptimeSeconds,
    [property: JsonPropertyName("sensors")] int Sensors,
    [property: JsonPropertyName("failing")] IReadOnlyList<string> Failing,
    [property: JsonPropertyName("quality")] string Quality);
