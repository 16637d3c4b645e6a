using System.Text.Json;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// A reading's payload: <c>{"value":21.5,"unit":"°C","ts":"…Z","quality":"good"}</c>, or
/// <c>{"ts":"…Z","quality":"error","error":"…"}</c>. A class filled in place by its one writer, so
/// writing it boxes nothing; <see cref="SetGood"/> and <see cref="SetError"/> set every field, so
/// nothing of the previous reading is left over.
/// </summary>
/// <remarks>
/// <see cref="WriteTo"/> writes it field by field rather than through <see cref="DeviceJsonContext"/>:
/// its fixed-width <c>ts</c> would need a JsonConverter there, and a converter needs the context's
/// property metadata, which links the serializer's metadata-driven converters into the binary for
/// this one field.
/// </remarks>
internal sealed class Reading
{
    public double? Value { get; private set; }

    public string? Unit { get; private set; }

    /// <summary>For a digital input: <c>rising</c> or <c>falling</c>, absent for its state at start.</summary>
    public string? Edge { get; set; }

    public DateTime Timestamp { get; private set; }

    public string Quality { get; private set; } = Readings.Quality.Good;

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

    /// <summary>The payload, in this field order; fields that are null are left out.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        if (Value is { } value)
        {
            json.WriteNumber("value"u8, value);
        }

        if (Unit is { } unit)
        {
            json.WriteString("unit"u8, unit);
        }

        if (Edge is { } edge)
        {
            json.WriteString("edge"u8, edge);
        }

        json.WriteString("ts"u8, UtcMilliseconds.Format(Timestamp, stackalloc byte[UtcMilliseconds.Length]));
        json.WriteString("quality"u8, Quality);
        if (Error is { } error)
        {
            json.WriteString("error"u8, error);
        }

        json.WriteEndObject();
    }
}
