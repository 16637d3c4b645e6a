using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// A leaf CONNECT's <c>deny_pub</c> as the hub has always taken it: a value that is not a list is
/// no list (the leaf is still let in), a null subject an empty one; a subject of another type
/// makes the CONNECT invalid.
/// </summary>
internal sealed class DenyPubConverter : JsonConverter<List<string>>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var subjects = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            subjects.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Null => string.Empty,
                _ => throw new JsonException("a deny_pub subject is not a string"),
            });
        }

        return subjects;
    }

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var subject in value)
        {
            writer.WriteStringValue(subject);
        }

        writer.WriteEndArray();
    }
}
