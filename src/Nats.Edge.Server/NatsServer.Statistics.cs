using System.Diagnostics;
using Nats.Edge.Server.Clients;
using Nats.Edge.Server.Connections;
using Nats.Edge.Server.Leafnodes;

namespace Nats.Edge.Server;

/// <summary>Server-wide figures for monitoring, kept off the message path.</summary>
public sealed partial class NatsServer
{
    private readonly Lock _closedSync = new();
    private TrafficCounts _closedTraffic;
    private long _totalConnections;
    private long _slowConsumers;

    /// <summary>When the server was created, in UTC; monitoring reports it as start and config load time.</summary>
    internal DateTime StartTime { get; } = DateTime.UtcNow;

    /// <summary>The same moment on the Stopwatch clock that connection times are kept on.</summary>
    internal long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    internal ICollection<ClientConnection> Clients => _clients.Values;

    internal ICollection<LeafConnection> Leafs => _leafs.Values;

    internal int ClientCount => _clients.Count;

    internal int LeafCount => _leafs.Count;

    /// <summary>Client connections accepted since the start.</summary>
    internal long TotalConnections => Volatile.Read(ref _totalConnections);

    /// <summary>Connections cut off as slow consumers since the start.</summary>
    internal long SlowConsumers => Volatile.Read(ref _slowConsumers);

    /// <summary>Turns a Stopwatch timestamp of this process into UTC wall-clock time.</summary>
    internal DateTime WallClock(long timestamp) => StartTime + Stopwatch.GetElapsedTime(StartTimestamp, timestamp);

    /// <summary>Everything received and sent since the start: closed connections' counts plus the live ones'.</summary>
    internal TrafficCounts Traffic()
    {
        TrafficCounts total;
        lock (_closedSync)
        {
            total = _closedTraffic;
        }

        foreach (var client in _clients.Values)
        {
            total = total.Add(TrafficCounts.Of(client));
        }

        foreach (var leaf in _leafs.Values)
        {
            total = total.Add(TrafficCounts.Of(leaf));
        }

        return total;
    }

    internal void CountSlowConsumer() => Interlocked.Increment(ref _slowConsumers);

    /// <summary>
    /// Keeps a closing connection's final counts in the server's totals; called once, after its loops
    /// ended and before it leaves the connection tables.
    /// </summary>
    internal void Retire(Connection connection)
    {
        var traffic = TrafficCounts.Of(connection);
        lock (_closedSync)
        {
            _closedTraffic = _closedTraffic.Add(traffic);
        }

        if (connection.Matches is { } matches)
        {
            matches.Index.Retire(matches);
        }
    }
}
