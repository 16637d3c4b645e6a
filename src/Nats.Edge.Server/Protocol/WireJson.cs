using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nats.Edge.Server.Protocol;

/// <summary>
/// INFO and CONNECT lines from the records of <see cref="WireJsonContext"/>, and those records from
/// the JSON a peer sent, each record reading its own fields (<see cref="WireJsonFields"/>). Once per
/// connection (or route event), never per message, so it may allocate.
/// </summary>
internal static class WireJson
{
    // Keeps '+' in the version readable; the default encoder would write it as \u002B.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An INFO line: nats-server puts a blank between the JSON and CR LF.</summary>
    public static byte[] Info<T>(T info, JsonTypeInfo<T> type) => Line("INFO "u8, info, type, " \r\n"u8);

    /// <summary>A gateway's INFO line: nats-server writes it with no blank before CR LF.</summary>
    public static byte[] GatewayInfo<T>(T info, JsonTypeInfo<T> type) => Line("INFO "u8, info, type, "\r\n"u8);

    /// <summary>A CONNECT line, with no blank before CR LF.</summary>
    public static byte[] Connect<T>(T connect, JsonTypeInfo<T> type) => Line("CONNECT "u8, connect, type, "\r\n"u8);

    /// <summary>
    /// The record <paramref name="json"/> holds, as <paramref name="read"/> reads it from the fields
    /// of the object; null when the text is not one JSON object or a known field has the wrong type,
    /// which every caller answers as it did before: by closing the connection or ignoring the INFO.
    /// </summary>
    public static T? Parse<T>(ReadOnlySpan<byte> json, FieldsReader<T> read)
        where T : class
    {
        try
        {
            var fields = new WireJsonFields(json);
            if (!fields.Open())
            {
                return null;
            }

            var record = read(ref fields);
            return fields.End() ? record : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Not JSON, a field of the wrong type ("verbose":"yes"), a string that is not UTF-8, or
            // a number that does not fit its field ("protocol":1.5).
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

/// <summary>Reads a record from the fields of an object, the reader on the first of them.</summary>
internal delegate T FieldsReader<T>(ref WireJsonFields fields);
