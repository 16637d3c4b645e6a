using System.Diagnostics;
using Nats.Edge.Server.Clients;

namespace Nats.Edge.Server.Monitoring;

/// <summary><c>/connz</c>: the open client connections, sorted and paged.</summary>
internal sealed class Connz
{
    public required string ServerId { get; init; }

    public required string Now { get; init; }

    public int NumConnections { get; init; }

    public int Total { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; }

    public required IReadOnlyList<ConnectionInfo> Connections { get; init; }

    public static Connz From(NatsServer server, ConnzQuery query)
    {
        var now = Stopwatch.GetTimestamp();
        var open = server.Connections.Of<ClientConnection>();
        var clients = new List<ClientConnection>(open.Count);
        foreach (var client in open)
        {
            if (query.Account is null || client.Account.Name == query.Account)
            {
                clients.Add(client);
            }
        }

        var total = clients.Count;
        var (offset, limit) = (query.Offset, query.Limit);
        if (query.Cid != 0)
        {
            // nats-server answers a cid query with a page of at most that one connection.
            clients.RemoveAll(client => client.Id != query.Cid);
            (offset, limit) = (0, 1);
        }

        var page = new List<ConnectionInfo>();
        var sorted = Sort(clients, query.Sort);
        for (var i = offset; i < sorted.Length && page.Count < limit; i++)
        {
            page.Add(ConnectionInfo.From(sorted[i], server, query, now));
        }

        return new Connz
        {
            ServerId = server.ServerId,
            Now = GoFormat.Timestamp(server.WallClock(now)),
            NumConnections = page.Count,
            Total = total,
            Offset = offset,
            Limit = limit,
            Connections = page,
        };
    }

    // Keys are read once up front: the counters move while sorting, and a comparison that changes
    // its mind midway would leave the order undefined.
    private static ClientConnection[] Sort(List<ClientConnection> clients, ConnzSort sort)
    {
        var keys = new long[clients.Count];
        var sorted = clients.ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = Key(sorted[i], sort);
        }

        Array.Sort(keys, sorted);
        if (sort is not (ConnzSort.Cid or ConnzSort.Start or ConnzSort.Idle or ConnzSort.Uptime))
        {
            Array.Reverse(sorted);
        }

        return sorted;
    }

    // Ascending keys; the caller reverses the sorts that put the largest first. Idle and uptime sort
    // longest first, which is the oldest last activity and the oldest start, so ascending times.
    private static long Key(ClientConnection client, ConnzSort sort) => sort switch
    {
        ConnzSort.Start or ConnzSort.Uptime => client.Started,
        ConnzSort.Subs => client.SubscriptionCount,
        ConnzSort.Pending => client.Outbound.PendingBytes,
        ConnzSort.MsgsTo => client.Outbound.Messages,
        ConnzSort.MsgsFrom => client.InMessages,
        ConnzSort.BytesTo => client.Outbound.PayloadBytes,
        ConnzSort.BytesFrom => client.InBytes,
        ConnzSort.Last or ConnzSort.Idle => client.LastActivity,
        ConnzSort.Rtt => client.Rtt.Ticks,
        _ => (long)client.Id,
    };
}
