namespace Nats.Edge.Configuration.Conf;

/// <summary>A string, number or boolean, already in the text the JSON provider would give for it.</summary>
internal sealed class ConfScalar(string text, KeyLocation where) : ConfValue(where)
{
    public string Text => text;
}
