namespace Nats.Edge.Configuration.Conf;

/// <summary>A <c>[ … ]</c> array.</summary>
internal sealed class ConfList(KeyLocation where) : ConfValue(where)
{
    public List<ConfValue> Items { get; } = [];
}
