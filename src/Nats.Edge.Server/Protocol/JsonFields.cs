using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>Walks the fields of a JSON object an INFO or CONNECT carries, for the readers that keep only some.</summary>
internal static class JsonFields
{
    /// <summary>
    /// Hands each top-level field to <paramref name="read"/>; false when the bytes are not a JSON
    /// object or a field has the wrong type for <paramref name="read"/>.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, Action<JsonProperty> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                read(property);
            }

            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
