using System.Collections.Specialized;
using System.Globalization;

namespace Nats.Edge.Server.Monitoring;

/// <summary>Reads query parameters the way nats-server does: Go's boolean spellings, plain integers, 400 otherwise.</summary>
internal static class QueryReader
{
    public static string? Text(NameValueCollection query, string name) => query[name] is { Length: > 0 } value ? value : null;

    public static bool Bool(NameValueCollection query, string name)
    {
        var value = Text(query, name);
        return value is null ? false : ParseBool(name, value);
    }

    /// <summary>Go's strconv.ParseBool spellings.</summary>
    public static bool ParseBool(string name, string value) => value switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
        _ => throw new BadQueryException($"Error decoding boolean for '{name}': \"{value}\" is not a boolean"),
    };

    public static int Int(NameValueCollection query, string name)
    {
        var value = Text(query, name);
        if (value is null)
        {
            return 0;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BadQueryException($"Error decoding int for '{name}': \"{value}\" is not an integer");
    }

    public static ulong UInt64(NameValueCollection query, string name)
    {
        var value = Text(query, name);
        if (value is null)
        {
            return 0;
        }

        return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BadQueryException($"Error decoding uint64 for '{name}': \"{value}\" is not an unsigned integer");
    }

    /// <summary>nats-server's paging: a negative offset is 0, a limit of 0 or less is the default 1024.</summary>
    public static (int Offset, int Limit) Paging(NameValueCollection query)
    {
        const int DefaultLimit = 1024;
        var offset = Math.Max(0, Int(query, "offset"));
        var limit = Int(query, "limit");
        return (offset, limit <= 0 ? DefaultLimit : limit);
    }
}
