namespace Nats.Edge.Configuration.Conf;

/// <summary>
/// A <c>{ … }</c> block or the file's top level. Keys are matched exactly, as nats-server matches
/// variable names; a key written twice keeps the later value.
/// </summary>
internal sealed class ConfMap(KeyLocation where) : ConfValue(where)
{
    public Dictionary<string, ConfEntry> Entries { get; } = new(StringComparer.Ordinal);
}
