using System.Collections.Specialized;

namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/leafz</c>: the leafnode links, accepted and dialled; <c>leafs</c> is null when there are none, as in nats-server 2.9.</summary>
internal sealed class Leafz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public int Leafnodes { get; init; }

    public IReadOnlyList<LeafInfo>? Leafs { get; init; }

    public static Leafz From(NatsServer server, NameValueCollection query)
    {
        var withSubscriptions = QueryReader.Bool(query, "subs");
        var account = QueryReader.Text(query, "acc");
        List<LeafInfo>? leafs = null;
        foreach (var leaf in server.Connections.Of<Leafnodes.LeafConnection>())
        {
            // An accepted leaf that has not logged in belongs to no account yet, and is not listed.
            if (leaf.Account is { } bound && (account is null || bound.Name == account))
            {
                (leafs ??= []).Add(LeafInfo.From(leaf, bound, withSubscriptions));
            }
        }

        return new Leafz
        {
            ServerId = server.ServerId,
            Now = GoFormat.Timestamp(DateTime.UtcNow),
            Leafnodes = leafs?.Count ?? 0,
            Leafs = leafs,
        };
    }
}
