using System.Collections.Concurrent;

namespace Nats.Edge.Server.Connections;

/// <summary>
/// The one table of live connections of every kind (clients, leafnode links, routes): walked for
/// monitoring, reload, lame duck, shutdown and the timer, and the source of the server's traffic
/// totals, so no kind is ever left out of one of them.
/// </summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<ulong, Connection> _live = new();
    private readonly Lock _closedSync = new();
    private TrafficCounts _closedTraffic;
    private long _lastId;
    private int _clientCount;
    private int _leafCount;

    /// <summary>Every live connection; a moving view, safe to walk while others come and go.</summary>
    public ICollection<Connection> All => _live.Values;

    /// <summary>Live client connections, kept so <c>max_connections</c> is checked without a walk.</summary>
    public int ClientCount => Volatile.Read(ref _clientCount);

    /// <summary>Live leafnode links, both directions.</summary>
    public int LeafCount => Volatile.Read(ref _leafCount);

    /// <summary>A new connection id; clients, leafs and routes share one sequence, as in nats-server.</summary>
    public ulong NextId() => (ulong)Interlocked.Increment(ref _lastId);

    public void Add(Connection connection)
    {
        if (_live.TryAdd(connection.Id, connection))
        {
            Count(connection, 1);
        }
    }

    /// <summary>
    /// A connection whose loops ended: its final counts join the closed totals before it leaves the
    /// table, so <see cref="Traffic"/> never misses it. Called once per connection, registered or not.
    /// </summary>
    public void Remove(Connection connection)
    {
        var traffic = TrafficCounts.Of(connection);
        lock (_closedSync)
        {
            _closedTraffic = _closedTraffic.Add(traffic);
        }

        if (_live.TryRemove(connection.Id, out _))
        {
            Count(connection, -1);
        }
    }

    /// <summary>A snapshot of the live connections of one kind.</summary>
    public List<T> Of<T>()
        where T : Connection
    {
        var found = new List<T>();
        foreach (var connection in _live.Values)
        {
            if (connection is T match)
            {
                found.Add(match);
            }
        }

        return found;
    }

    /// <summary>Everything received and sent since the start: the closed connections' counts plus the live ones'.</summary>
    public TrafficCounts Traffic()
    {
        TrafficCounts total;
        lock (_closedSync)
        {
            total = _closedTraffic;
        }

        foreach (var connection in _live.Values)
        {
            total = total.Add(TrafficCounts.Of(connection));
        }

        return total;
    }

    private void Count(Connection connection, int delta)
    {
        switch (connection.Role)
        {
            case LinkRole.Local:
                Interlocked.Add(ref _clientCount, delta);
                break;
            case LinkRole.Leaf or LinkRole.Uplink:
                Interlocked.Add(ref _leafCount, delta);
                break;
        }
    }
}
