namespace Nats.Edge.Configuration.Conf;

/// <summary>One <c>key: value</c> of a block, at the key's line.</summary>
internal sealed class ConfEntry(KeyLocation where, ConfValue value)
{
    public KeyLocation Where => where;

    public ConfValue Value => value;

    // A top-level key referenced as $key is not "unknown" to nats-server even if no option has its name.
    public bool UsedAsVariable { get; set; }
}
