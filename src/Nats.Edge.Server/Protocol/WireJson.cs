using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// INFO and CONNECT lines from the records of <see cref="WireJsonContext"/>, and those records from
/// the JSON a peer sent. Once per connection (or route event), never per message, so it may allocate.
/// </summary>
internal static class WireJson
{
    // Keeps '+' in the version readable; the default encoder would write it as \u002B.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An INFO line: nats-server puts a blank between the JSON and CR LF.</summary>
    public static byte[] Info<T>(T info, JsonTypeInfo<T> type) => Line("INFO "u8, info, type, " \r\n"u8);

    /// <summary>A CONNECT line, with no blank before CR LF.</summary>
    public static byte[] Connect<T>(T connect, JsonTypeInfo<T> type) => Line("CONNECT "u8, connect, type, "\r\n"u8);

    /// <summary>
    /// The record <paramref name="json"/> holds; null when it is not one JSON object or a known field
    /// has the wrong type, which every caller answers as it did before: by closing the connection
    /// or ignoring the INFO.
    /// </summary>
    public static T? Parse<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Line<T>(ReadOnlySpan<byte> op, T value, JsonTypeInfo<T> type, ReadOnlySpan<byte> end)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(op);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(json, value, type);
        }

        buffer.Write(end);
        return buffer.WrittenSpan.ToArray();
    }
}
