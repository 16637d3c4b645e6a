using System.Text.Json;

namespace Nats.Edge.Tests.Infrastructure;

/// <summary>Compares the shape of two JSON documents: the same fields, each with the same JSON type.</summary>
public static class JsonShape
{
    /// <summary>
    /// Asserts that every field of <paramref name="reference"/>, at any depth, is in <paramref name="edge"/>
    /// with the same JSON type, except the dotted paths in <paramref name="notShared"/> (such as
    /// <c>go</c> or <c>leaf.tls_timeout</c>). Arrays compare their first elements when both have one.
    /// </summary>
    public static void AssertCovers(JsonElement reference, JsonElement edge, params string[] notShared)
    {
        var problems = new List<string>();
        Compare(reference, edge, string.Empty, notShared, problems);
        Assert.True(problems.Count == 0, $"{string.Join("\n", problems)}\n--- nats-server ---\n{reference}\n--- nats-edge ---\n{edge}");
    }

    private static void Compare(JsonElement reference, JsonElement edge, string path, string[] notShared, List<string> problems)
    {
        if (Kind(reference) != Kind(edge))
        {
            problems.Add($"{Display(path)}: nats-server has {Kind(reference)}, nats-edge {Kind(edge)}");
            return;
        }

        if (reference.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in reference.EnumerateObject())
            {
                var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (notShared.Contains(childPath))
                {
                    continue;
                }

                if (!edge.TryGetProperty(property.Name, out var edgeValue))
                {
                    problems.Add($"{childPath}: missing");
                    continue;
                }

                Compare(property.Value, edgeValue, childPath, notShared, problems);
            }
        }
        else if (reference.ValueKind == JsonValueKind.Array && reference.GetArrayLength() > 0 && edge.GetArrayLength() > 0)
        {
            Compare(reference[0], edge[0], path + "[]", notShared, problems);
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;
}
