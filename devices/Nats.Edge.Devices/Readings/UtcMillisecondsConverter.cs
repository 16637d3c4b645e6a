using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nats.Edge.Devices.Readings;

/// <summary>
/// Timestamps as <c>2026-11-27T02:30:00.123Z</c>: UTC to the millisecond, a fixed 24 characters,
/// where the default would print up to seven fractional digits.
/// </summary>
internal sealed class UtcMillisecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[24];
        value.ToUniversalTime().TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }
}
