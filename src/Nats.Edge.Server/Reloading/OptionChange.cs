using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Nats.Edge.Server.Reloading;

/// <summary>One top-level option whose value differs between the running and the reloaded options.</summary>
/// <param name="Name">The option's property name, which is also nats-server's Go field name for most.</param>
/// <param name="Old">The running value, as JSON.</param>
/// <param name="New">The reloaded value, as JSON.</param>
internal sealed record OptionChange(string Name, JsonElement Old, JsonElement New)
{
    /// <summary>
    /// Every option that differs. Both sides go through the same generated serializer, so equal
    /// options give equal JSON, lists and nested records included.
    /// </summary>
    public static List<OptionChange> Between(Configuration.ServerOptions running, Configuration.ServerOptions reloaded) =>
        Between(running, reloaded, OptionsJsonContext.Default.ServerOptions);

    /// <summary>The name of the first property that differs between two option records, or null when none does.</summary>
    public static string? FirstDifference<T>(T running, T reloaded, JsonTypeInfo<T> type) =>
        Between(running, reloaded, type) is [var first, ..] ? first.Name : null;

    private static List<OptionChange> Between<T>(T running, T reloaded, JsonTypeInfo<T> type)
    {
        var before = JsonSerializer.SerializeToElement(running, type);
        var after = JsonSerializer.SerializeToElement(reloaded, type);
        var changes = new List<OptionChange>();
        foreach (var property in before.EnumerateObject())
        {
            var value = after.GetProperty(property.Name);
            if (!JsonElement.DeepEquals(property.Value, value))
            {
                changes.Add(new OptionChange(property.Name, property.Value, value));
            }
        }

        return changes;
    }

    /// <summary>
    /// The value for a log line: numbers and strings as they are, nothing for lists and blocks,
    /// which may hold passwords.
    /// </summary>
    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "<none>",
        _ => "…",
    };
}
