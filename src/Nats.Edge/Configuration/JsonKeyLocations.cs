using System.Globalization;
using System.Text.Json;

namespace Nats.Edge.Configuration;

/// <summary>
/// The line of every key of a JSON config file, in the configuration's key form (<c>a:b</c>,
/// <c>a:0</c>), from one pass of the reader: the JSON provider itself keeps no lines.
/// </summary>
internal static class JsonKeyLocations
{
    public static Dictionary<string, KeyLocation> Read(string file, ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        var lineStarts = LineStarts(json);
        var locations = new Dictionary<string, KeyLocation>(StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        // One entry per open object or array: -1 for an object, else the index of the array's next item.
        var containers = new Stack<int>();
        // The same options as the JSON configuration provider.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path.Add(reader.GetString()!);
                    locations[string.Join(':', path)] = At(file, lineStarts, reader.TokenStartIndex);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    EndValue(path);
                    continue;
            }

            if (containers.TryPop(out var next))
            {
                containers.Push(next < 0 ? next : next + 1);
                if (next >= 0)
                {
                    path.Add(next.ToString(CultureInfo.InvariantCulture));
                    locations[string.Join(':', path)] = At(file, lineStarts, reader.TokenStartIndex);
                }
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    containers.Push(-1);
                    break;
                case JsonTokenType.StartArray:
                    containers.Push(0);
                    break;
                default:
                    EndValue(path);
                    break;
            }
        }

        return locations;
    }

    private static void EndValue(List<string> path)
    {
        if (path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private static List<long> LineStarts(ReadOnlySpan<byte> json)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static KeyLocation At(string file, List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return new KeyLocation(file, (index >= 0 ? index : ~index - 1) + 1);
    }
}
