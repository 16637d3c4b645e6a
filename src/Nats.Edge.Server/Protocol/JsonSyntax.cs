using System.Text.Json;

namespace Nats.Edge.Server.Protocol;

/// <summary>Checks that bytes are one well-formed JSON value, for ops whose content we otherwise ignore.</summary>
internal static class JsonSyntax
{
    public static bool IsValid(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read())
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
