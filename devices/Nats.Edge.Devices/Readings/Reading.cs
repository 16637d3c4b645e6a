using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// A reading's payload: <c>{"value":21.5,"unit":"°C","ts":"…Z","quality":"good"}</c>, or
/// <c>{"quality":"error","error":"…","ts":"…Z"}</c>. A class filled in place by its one writer, so
/// serializing it boxes nothing; <see cref="SetGood"/> and <see cref="SetError"/> set every field, so
/// nothing of the previous reading is left over.
/// </summary>
internal sealed class Reading
{
    [JsonPropertyName("value")]
    [JsonPropertyOrder(0)]
    public double? Value { get; private set; }

    [JsonPropertyName("unit")]
    [JsonPropertyOrder(1)]
    public string? Unit { get; private set; }

    /// <summary>For a digital input: <c>rising</c> or <c>falling</c>, absent for its state at start.</summary>
    [JsonPropertyName("edge")]
    [JsonPropertyOrder(2)]
    public string? Edge { get; set; }

    [JsonPropertyName("ts")]
    [JsonPropertyOrder(3)]
    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public DateTime Timestamp { get; private set; }

    [JsonPropertyName("quality")]
    [JsonPropertyOrder(4)]
    public string Quality { get; private set; } = Readings.Quality.Good;

    [JsonPropertyName("error")]
    [JsonPropertyOrder(5)]
    public string? Error { get; private set; }

    public void SetGood(double value, string? unit, DateTime timestamp)
    {
        Value = value;
        Unit = unit;
        Edge = null;
        Timestamp = timestamp;
        Quality = Readings.Quality.Good;
        Error = null;
    }

    public void SetError(string error, DateTime timestamp)
    {
        Value = null;
        Unit = null;
        Edge = null;
        Timestamp = timestamp;
        Quality = Readings.Quality.Error;
        Error = error;
    }
}
