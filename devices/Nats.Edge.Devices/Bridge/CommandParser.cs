using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Nats.Edge.Devices.Bridge;

/// <summary>
/// Reads the value of a <c>…set</c> request: a JSON number, <c>true</c>/<c>false</c>,
/// <c>{"value": …}</c>, or plain text <c>on</c>, <c>off</c>, <c>toggle</c> or a number, so
/// <c>nats req devices.pi.relay.set on</c> works as well as a program's JSON.
/// </summary>
internal static class CommandParser
{
    /// <summary>Toggle has no value of its own: it is resolved against the current state.</summary>
    public const double Toggle = double.NegativeInfinity;

    public static bool TryParse(ReadOnlySpan<byte> payload, out double value)
    {
        value = 0;
        var text = payload.Trim(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(text);
            if (reader.Read() && TryValue(ref reader, out value) && !reader.Read())
            {
                return true;
            }
        }
        catch (JsonException)
        {
            // Not JSON: plain text below.
        }

        return TryWord(Encoding.UTF8.GetString(text).Trim('"'), out value);
    }

    private static bool TryValue(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out value);
            case JsonTokenType.True or JsonTokenType.False:
                value = reader.TokenType == JsonTokenType.True ? 1 : 0;
                return true;
            case JsonTokenType.String:
                return TryWord(reader.GetString()!, out value);
            case JsonTokenType.StartObject:
                var found = false;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isValue = reader.ValueTextEquals("value"u8);
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (isValue)
                    {
                        found = TryValue(ref reader, out value);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return found && reader.TokenType == JsonTokenType.EndObject;
            default:
                return false;
        }
    }

    private static bool TryWord(string word, out double value)
    {
        value = word.ToLowerInvariant() switch
        {
            "on" or "true" => 1,
            "off" or "false" => 0,
            "toggle" => Toggle,
            _ => double.NaN,
        };
        return !double.IsNaN(value) || double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
