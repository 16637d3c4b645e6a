namespace Nats.Edge.Configuration.Conf;

/// <summary>A parsed nats conf value: a scalar, a list or a map, with where it was written.</summary>
internal abstract class ConfValue(KeyLocation where)
{
    public KeyLocation Where => where;
}
