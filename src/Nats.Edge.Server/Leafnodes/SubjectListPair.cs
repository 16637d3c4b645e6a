using System.Text.Json.Serialization;

namespace Nats.Edge.Server.Leafnodes;

/// <summary>
/// An allow and a deny list as a hub's second INFO carries them in <c>import</c> and <c>export</c>.
/// A null allow list allows everything; a hub leaves out an empty deny list.
/// </summary>
internal sealed record SubjectListPair(
    [property: JsonPropertyName("allow")] IReadOnlyList<string>? Allow,
    [property: JsonPropertyName("deny")] IReadOnlyList<string>? Deny)
{
    public static SubjectListPair Read(ref WireJsonFields fields)
    {
        List<string>? allow = null, deny = null;
        while (fields.Next())
        {
            fields.Read("allow"u8, ref allow);
            fields.Read("deny"u8, ref deny);
        }

        return new(allow, deny);
    }
}
