using System.Text.Json;

namespace Nats.Edge.Server.Outbox;

/// <summary>
/// A JetStream stream's answer to a publish: <c>{"stream":"S","seq":N}</c>, with <c>"duplicate":true</c>
/// when its duplicate window already held the message id, or <c>{"error":{"code":…,"description":…}}</c>.
/// </summary>
internal readonly record struct StreamAck(bool Stored, string? Error)
{
    /// <summary>Reads an ack; anything that is neither form counts as an error, so the record is sent again.</summary>
    public static StreamAck Read(in ReadOnlySequence<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new(false, "the hub's ack is not a JSON object");
            }

            var sequence = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    return new(false, ReadError(ref reader));
                }

                sequence |= reader.ValueTextEquals("seq"u8);
                reader.Read();
                reader.Skip();
            }

            return sequence ? new(true, null) : new(false, "the hub's ack has no seq");
        }
        catch (JsonException)
        {
            return new(false, "the hub's ack is not valid JSON");
        }
    }

    // {"code":503,"err_code":10077,"description":"maximum messages exceeded"}: the description says it.
    private static string ReadError(ref Utf8JsonReader reader)
    {
        reader.Read();
        var description = "the stream refused the message";
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return description;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDescription = reader.ValueTextEquals("description"u8);
            reader.Read();
            if (isDescription && reader.TokenType == JsonTokenType.String)
            {
                description = reader.GetString() ?? description;
            }
            else
            {
                reader.Skip();
            }
        }

        return description;
    }
}
