using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// A reading's payload: <c>{"value":21.5,"unit":"°C","ts":"…Z","quality":"good"}</c>, or
/// <c>{"quality":"error","error":"…","ts":"…Z"}</c>. A class filled in place by its one writer, so
/// serializing it boxes nothing.
/// </summary>
internal sealed class Reading
{
    [JsonPropertyName("value")]
    [JsonPropertyOrder(0)]
    public double? Value { get; set; }

    [JsonPropertyName("unit")]
    [JsonPropertyOrder(1)]
    public string? Unit { get; set; }

    /// <summary>For a digital input: <c>rising</c> or <c>falling</c>, absent for its state at start.</summary>
    [JsonPropertyName("edge")]
    [JsonPropertyOrder(2)]
    public string? Edge { get; set; }

    [JsonPropertyName("ts")]
    [JsonPropertyOrder(3)]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public DateTime Timestamp { get; set; }

    [JsonPropertyName("quality")]
    [JsonPropertyOrder(4)]
    public string Quality { get; set; } = Readings.Quality.Good;

    [JsonPropertyName("error")]
    [JsonPropertyOrder(5)]
    public string? Error { get; set; }
}
